using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Modules.Twin;

/// <summary>Staged as "Twin" but named "Alpha": loading it beside Alpha must stop start-up.</summary>
public sealed class TwinModule : IModule
{
    public string Name => "Alpha";
}
