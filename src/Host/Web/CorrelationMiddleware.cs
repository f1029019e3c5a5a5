using PracticeSuite.SharedKernel.Hosting.Diagnostics;

namespace PracticeSuite.Host.Web;

/// <summary>Starts a correlation flow per request, taking the caller's id when it is usable, and echoes it back.</summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var flow = Correlation.Begin(context.Request.Headers[Correlation.HeaderName].FirstOrDefault());
        var id = Correlation.Id;
        // Set as the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Correlation.HeaderName] = id;
            return Task.CompletedTask;
        });
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id });
        await next(context);
    }
}
