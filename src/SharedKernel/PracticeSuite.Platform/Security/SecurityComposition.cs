using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Security;

/// <summary>
/// Authorization for every page and endpoint: the named policies modules choose from, and a fallback that
/// denies anything that declares none (public pages say so with AllowAnonymous).
/// </summary>
internal static class SecurityComposition
{
    public static void AddPracticeSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        // Authentication is ASP.NET Core Identity's cookie, configured in Accounts/AccountsComposition.
        services.AddSingleton<IAuthorizationPolicyProvider, EndpointFallbackPolicyProvider>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Manager, p => p.RequireAuthenticatedUser().RequireRole(nameof(PracticeRole.Manager)))
            .AddPolicy(Policies.FrontDesk, p => p.RequireAuthenticatedUser().RequireRole(nameof(PracticeRole.Manager), nameof(PracticeRole.Reception)))
            .AddPolicy(Policies.FrontDeskOrClient, p => p.RequireAuthenticatedUser().RequireRole(nameof(PracticeRole.Manager), nameof(PracticeRole.Reception), nameof(PracticeRole.Client)))
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(nameof(PracticeRole.Manager), nameof(PracticeRole.Therapist), nameof(PracticeRole.Reception)))
            .AddPolicy(Policies.Clinician, p => p.RequireAuthenticatedUser().RequireRole(nameof(PracticeRole.Manager), nameof(PracticeRole.Therapist)))
            .AddPolicy(Policies.HealthRecord, p => p.RequireAuthenticatedUser().RequireRole(nameof(PracticeRole.Client), nameof(PracticeRole.Manager), nameof(PracticeRole.Therapist)))
            .AddPolicy(Policies.Client, p => p.RequireAuthenticatedUser().RequireRole(nameof(PracticeRole.Client)))
            .AddPolicy(Policies.ClientOrManager, p => p.RequireAuthenticatedUser().RequireRole(nameof(PracticeRole.Client), nameof(PracticeRole.Manager)))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(_ => false) // nothing is open unless its page or endpoint says who may use it
                .Build());
    }

    /// <summary>APIs answer 401/403; pages go to the sign-in or status page.</summary>
    internal static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Web.WebPaths.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(status == StatusCodes.Status401Unauthorized ? context.RedirectUri : $"/Status/{status}");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Applies the deny-all fallback only to matched endpoints: an address nothing answers stays a 404
    /// instead of becoming a 401.
    /// </summary>
    private sealed class EndpointFallbackPolicyProvider(
        Microsoft.Extensions.Options.IOptions<AuthorizationOptions> options, IHttpContextAccessor accessor)
        : IAuthorizationPolicyProvider
    {
        private readonly DefaultAuthorizationPolicyProvider _inner = new(options);

        public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _inner.GetDefaultPolicyAsync();

        public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) => _inner.GetPolicyAsync(policyName);

        public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() =>
            accessor.HttpContext?.GetEndpoint() is null ? Task.FromResult<AuthorizationPolicy?>(null) : _inner.GetFallbackPolicyAsync();
    }
}
