using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;

namespace PracticeSuite.SharedKernel.Hosting.Behaviours;

/// <summary>The outermost behaviour: every request is logged with its correlation id, outcome and duration.</summary>
public sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var requestName = typeof(TRequest).Name;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Request"] = requestName });
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            LogHandled(logger, requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception) when (exception is RequestValidationException or NotFoundException or BusinessRuleException)
        {
            LogRejected(logger, requestName, exception.Message);
            throw;
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Request} in {ElapsedMs:0.###} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Request}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string request, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Request} failed after {ElapsedMs:0.###} ms")]
    private static partial void LogFailed(ILogger logger, Exception exception, string request, double elapsedMs);
}
