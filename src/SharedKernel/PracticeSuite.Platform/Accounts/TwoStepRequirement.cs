using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Security;
using PracticeSuite.Platform.Web;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// <c>Accounts:RequireTwoFactorForManagers</c>: a manager signed in without two-step sign-in reaches only its set-up,
/// sign-out, the status pages and the clinic's logo; a page sends them to the set-up, an API call is refused (403)
/// saying why. Whether it is on comes from the sign-in's claims (<see cref="TwoStepSignIn.ClaimType"/>), so the check
/// costs no database work; setting it up renews the sign-in with the claim.
/// </summary>
internal static class TwoStepRequirement
{
    public const string SetupPath = "/Account/TwoStepSetup";

    private static readonly string[] OpenPaths = [SetupPath, "/Account/Logout", "/Status", "/Error"];

    /// <summary>After authentication, before authorization: the manager is sent to the set-up whatever the page's own rule.</summary>
    public static void UseTwoStepRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!MustSetUp(context))
        {
            await next(context);
            return;
        }

        if (WebPaths.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Two-step sign-in is required",
                    Detail = $"This clinic requires managers to use two-step sign-in. Set it up at {SetupPath} first.",
                },
            });
            return;
        }

        context.Response.Redirect(SetupPath);
    });

    private static bool MustSetUp(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(nameof(PracticeRole.Manager)) || user.HasClaim(c => c.Type == TwoStepSignIn.ClaimType))
        {
            return false;
        }

        if (!context.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.RequireTwoFactorForManagers)
        {
            return false;
        }

        var path = context.Request.Path;
        return !OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase))
            && context.GetEndpoint()?.Metadata.GetMetadata<PublicFile>() is null; // the logo in the layout of the set-up page
    }
}
