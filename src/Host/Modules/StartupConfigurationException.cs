namespace PracticeSuite.Host.Modules;

/// <summary>
/// The host cannot start as configured: the module set (a module missing, disabled or duplicated, a request
/// without its handler) or a platform setting. The message names what is wrong and what to do.
/// </summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
