namespace PracticeSuite.Platform.Modules;

/// <summary>
/// The host cannot start as configured: the module set (a module missing, disabled or duplicated, a request
/// without its handler) or a platform setting. The message names what is wrong and what to do.
/// </summary>
public sealed class StartupConfigurationException(string message, IReadOnlyList<string>? problems = null) : Exception(message)
{
    /// <summary>Each thing wrong, one line each (several bad settings are reported together).</summary>
    public IReadOnlyList<string> Problems { get; } = problems ?? [message];

    /// <summary><paramref name="exception"/> itself or the first of its inner exceptions that is one.</summary>
    public static StartupConfigurationException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is StartupConfigurationException problem)
            {
                return problem;
            }
        }

        return null;
    }
}
