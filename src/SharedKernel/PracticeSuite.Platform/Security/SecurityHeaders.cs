using Microsoft.Net.Http.Headers;

namespace PracticeSuite.Platform.Security;

/// <summary>
/// Headers on every response (issue 16, defect 10): a content security policy that allows no inline script and no
/// framing by other sites, no MIME sniffing, a same-origin referrer (links carry tokens), no powerful browser features,
/// and <c>Cache-Control: no-store</c> on everything a page or endpoint answers (records, exports, the API), so that no
/// shared or back-button cache keeps personal data; static files stay cacheable.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The product's own pages: scripts and styles from the site only, never inline.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The exceptions, each a third-party page served as it is: Hangfire's dashboard (managers) and Scalar's API browser
    /// put inline scripts and styles in their pages. They still may not be framed, post elsewhere or load from other sites.
    /// </summary>
    public static readonly IReadOnlyList<(PathString Path, string Policy)> Exceptions =
    [
        (Jobs.JobsComposition.DashboardPath, "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'"),
        ("/openapi", "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'"),
    ];

    public static string PolicyFor(PathString path)
    {
        foreach (var (prefix, policy) in Exceptions)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return policy;
            }
        }

        return ContentSecurityPolicy;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var policy = PolicyFor(context.Request.Path); // now: Hangfire's dashboard moves its prefix into PathBase
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = policy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), usb=(), interest-cohort=()";
            // Anything a page or endpoint answered (static files have no endpoint) is not kept by any cache, unless the
            // endpoint serves something public and says how long it keeps (the clinic's logo).
            if ((context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<PublicFile>() is null) || context.Response.StatusCode >= 400)
            {
                headers[HeaderNames.CacheControl] = "no-store";
                headers.Remove(HeaderNames.Pragma);
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}

/// <summary>Marks an endpoint that serves a public file and sets its own <c>Cache-Control</c>: the header above leaves it be.</summary>
internal sealed class PublicFile;
