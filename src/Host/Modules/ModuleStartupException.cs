namespace PracticeSuite.Host.Modules;

/// <summary>The module set cannot start as configured. The message names the module and what to do.</summary>
public sealed class ModuleStartupException(string message) : Exception(message);
