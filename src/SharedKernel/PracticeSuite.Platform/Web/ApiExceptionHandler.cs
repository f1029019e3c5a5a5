using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;

namespace PracticeSuite.Platform.Web;

/// <summary>
/// Turns an exception escaping an API call into ProblemDetails: rule violations keep their message, anything
/// unexpected becomes a plain 500 with the trace id and never a stack trace. Page requests fall
/// through to the error page.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request may already point at the error page; decide by the path that failed.
        // The feature's path is already decoded: taken as a PathString as it is, not decoded again (a value with an
        // encoded "%" such as %2500 would decode to a NUL character, which PathString refuses by throwing).
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } failed ? new PathString(failed) : httpContext.Request.Path;
        if (!WebPaths.IsApi(path))
        {
            return false;
        }

        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, path.Value ?? "");
        }

        problem.Instance = path.Value;
        problem.Extensions["traceId"] = TraceContext.TraceId ?? httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status!.Value;
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), ProblemJson, "application/problem+json", cancellationToken);
        return true;
    }

    private static readonly System.Text.Json.JsonSerializerOptions ProblemJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        RequestValidationException validation => new ValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
        },
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = "The request could not be read.",
            Detail = UnreadableRequest.Describe(badRequest),
        },
        NotFoundException notFound => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = $"{notFound.What} not found.",
            Detail = notFound.Message,
        },
        BusinessRuleException rule => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The request conflicts with the record's current state.",
            Detail = rule.Message,
            Extensions = { ["code"] = rule.Code },
        },
        // An installation's missing part, not a fault in the request: the message names the Debian package to install.
        SharedKernel.Hosting.Platform.FontsMissingException fonts => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "PDFs cannot be made on this server yet.",
            Detail = fonts.Message,
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Detail = $"Quote trace id {TraceContext.TraceId} when reporting it.",
        },
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
