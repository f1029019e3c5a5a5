namespace PracticeSuite.SharedKernel.Hosting.Diagnostics;

/// <summary>
/// The correlation id of the work in progress: taken from the request's <c>X-Correlation-Id</c> header
/// or made up, and carried by logs (and, later, by the integration events a command raises).
/// </summary>
public static class Correlation
{
    public const string HeaderName = "X-Correlation-Id";

    private static readonly AsyncLocal<string?> CurrentId = new();

    /// <summary>The id of the current flow; a new one when nothing started a flow.</summary>
    public static string Id => CurrentId.Value ??= NewId();

    /// <summary>Starts a flow with the given id (or a new one) until the returned scope is disposed.</summary>
    public static IDisposable Begin(string? id = null)
    {
        var previous = CurrentId.Value;
        CurrentId.Value = IsUsable(id) ? id : NewId();
        return new Restore(previous);
    }

    /// <summary>Accepts ids a caller may send: short, printable, no spaces (they end up in logs).</summary>
    public static bool IsUsable(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static string NewId() => Guid.NewGuid().ToString("N");

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentId.Value = previous;
    }
}
