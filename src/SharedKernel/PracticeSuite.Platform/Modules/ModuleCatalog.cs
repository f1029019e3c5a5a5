using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Platform.Modules;

/// <summary>The modules this process loaded: for the layout's navigation, migrations, start-up checks and optional collaborators.</summary>
public sealed class ModuleCatalog(IReadOnlyList<LoadedModule> modules) : IModuleCatalog
{
    public IReadOnlyList<LoadedModule> Modules { get; } = modules;

    public bool IsEnabled(string moduleName) => Modules.Any(m => string.Equals(m.Name, moduleName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The modules' links and the platform's own pages, in order.</summary>
    public IEnumerable<NavigationLink> Navigation =>
        Modules.SelectMany(m => m.Module.Navigation).Concat(Accounts.AccountsComposition.Navigation)
            .OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.CurrentCulture);
}
