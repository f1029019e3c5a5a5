using System.Diagnostics;

namespace PracticeSuite.SharedKernel.Hosting.Diagnostics;

/// <summary>
/// W3C trace context, on .NET's <see cref="Activity"/>: ASP.NET Core starts one per request (continuing a caller's
/// <c>traceparent</c>), the logs carry its trace id, and ProblemDetails quote it. Work that outlives its request
/// keeps the trace: a change stores <see cref="TraceParent"/> with the messages it writes, and the handler or job
/// that takes them up <see cref="Continue"/>s it, so one trace id leads from a request to its events' handlers.
/// </summary>
public static class TraceContext
{
    /// <summary>The trace id of the work in progress (32 hex digits), or null outside any traced work.</summary>
    public static string? TraceId => Activity.Current?.TraceId is { } id && id != default ? id.ToHexString() : null;

    /// <summary>The W3C <c>traceparent</c> of the work in progress, to store with work it hands on; empty outside any.</summary>
    public static string TraceParent => Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } ? id : "";

    /// <summary>The trace id inside a stored <c>traceparent</c>, or null when it holds none.</summary>
    public static string? TraceIdOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var context) ? context.TraceId.ToHexString() : null;

    /// <summary>
    /// Starts an activity in the trace <paramref name="traceParent"/> names (a new trace when it names none) until the
    /// returned scope is disposed, which restores the activity that was current before.
    /// </summary>
    public static IDisposable Continue(string operationName, string? traceParent)
    {
        var previous = Activity.Current;
        var activity = new Activity(operationName);
        activity.SetIdFormat(ActivityIdFormat.W3C);
        if (ActivityContext.TryParse(traceParent, null, out var parent))
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        }
        else
        {
            Activity.Current = null; // a new trace, not a child of whatever happened to be current
        }

        activity.Start();
        return new Scope(activity, previous);
    }

    private sealed class Scope(Activity activity, Activity? previous) : IDisposable
    {
        public void Dispose()
        {
            activity.Stop();
            Activity.Current = previous;
        }
    }
}
