using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using PracticeSuite.Platform.Web;

namespace PracticeSuite.Platform.Security;

/// <summary>
/// Cross-site request forgery on the JSON API (issue 16, defect 7): a page elsewhere could post a form to a body-less
/// endpoint (archive, restore, invite) and the browser would send the sign-in cookie along. An unsafe API request that
/// carries the sign-in cookie is let through only with evidence that it comes from this site's own pages: the browser's
/// <c>Sec-Fetch-Site: same-origin</c>, an <c>Origin</c> equal to this site's, or a valid antiforgery token in the
/// <c>RequestVerificationToken</c> header. Razor Pages' forms have their own antiforgery check.
/// </summary>
internal static class CrossSiteRequests
{
    public const string TokenHeader = "RequestVerificationToken";

    /// <summary>
    /// The one list of endpoints other sites may post to, each with why: endpoints authenticated by a signature
    /// (payment and SMS webhooks) and public embeds. Empty until such a module arrives; an endpoint joins it with
    /// <see cref="AllowCrossSite"/>, and the security tests pin the list.
    /// </summary>
    public sealed record CrossSiteAllowed(string Reason);

    public static TBuilder AllowCrossSite<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CrossSiteAllowed(reason));

    public static IApplicationBuilder UseCrossSiteRequestChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsRefused(context) && !await HasValidTokenAsync(context))
        {
            await TypedResults.Problem(
                title: "Cross-site request refused",
                detail: "This request came from another site, or did not say where it came from. Send it from PracticeSuite's own pages.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static bool IsRefused(HttpContext context)
    {
        var request = context.Request;
        if (!WebPaths.IsApi(request) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return false;
        }

        // Without the sign-in cookie there is no ambient authority for another site to borrow.
        if (!request.Cookies.ContainsKey(Accounts.AccountsComposition.SessionCookieName)
            || context.GetEndpoint()?.Metadata.GetMetadata<CrossSiteAllowed>() is not null)
        {
            return false;
        }

        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is not ("same-origin" or "none"); // "none": typed by the person, e.g. a bookmark
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> HasValidTokenAsync(HttpContext context) =>
        context.Request.Headers.ContainsKey(TokenHeader)
        && await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
}
