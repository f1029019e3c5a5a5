using System.Reflection;
using PracticeSuite.SharedKernel.Hosting.Modules;

namespace PracticeSuite.Platform.Modules;

/// <summary>An enabled module, loaded from its staged folder.</summary>
public sealed class LoadedModule(IModule module, Assembly assembly, Assembly? contracts, string folder)
{
    public IModule Module { get; } = module;

    public string Name => Module.Name;

    public Assembly Assembly { get; } = assembly;

    /// <summary>The module's Contracts assembly, when it has one.</summary>
    public Assembly? Contracts { get; } = contracts;

    public string Folder { get; } = folder;

    /// <summary>The DbContexts the module registered; filled in when it registers.</summary>
    public IReadOnlyList<Type> DbContextTypes { get; set; } = [];
}
