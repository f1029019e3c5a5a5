namespace PracticeSuite.SharedKernel.Hosting.Modules;

/// <summary>
/// Which modules run in this process. A module asks it before it sends a request to an optional collaborator (a module
/// it <see cref="IModule.Uses"/> but does not require), and leaves that part of its page or answer out when the
/// collaborator is off: a disabled module has no handlers, so the request would fail.
/// </summary>
public interface IModuleCatalog
{
    /// <summary>Whether the module of that name (case-insensitive) is loaded and enabled.</summary>
    bool IsEnabled(string moduleName);
}
