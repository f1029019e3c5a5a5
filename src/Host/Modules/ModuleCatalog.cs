using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Host.Modules;

/// <summary>The modules this process loaded: for the layout's navigation, migrations and start-up checks.</summary>
public sealed class ModuleCatalog(IReadOnlyList<LoadedModule> modules)
{
    public IReadOnlyList<LoadedModule> Modules { get; } = modules;

    public IEnumerable<NavigationLink> Navigation =>
        Modules.SelectMany(m => m.Module.Navigation).OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.CurrentCulture);
}
