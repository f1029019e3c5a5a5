using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Testing;

/// <summary>
/// Signs test requests in without accounts: the header <c>X-Test-User: role;userId;clientId;therapistId</c>
/// becomes a principal with the same claims the real sign-in issues. No header: anonymous.
/// Also lets a test choose the caller's address with <c>X-Test-Remote-Ip</c>.
/// </summary>
public static class TestAuthentication
{
    public const string Scheme = "Test";
    public const string UserHeader = "X-Test-User";
    public const string RemoteIpHeader = "X-Test-Remote-Ip";

    /// <summary>Call from <c>ConfigureTestServices</c>: makes the test scheme the default for authenticating and challenging.</summary>
    public static IServiceCollection AddTestAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, _ => { });
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = Scheme;
            o.DefaultAuthenticateScheme = Scheme;
            o.DefaultChallengeScheme = Scheme;
            o.DefaultForbidScheme = Scheme;
        });
        services.AddSingleton<IStartupFilter, RemoteIpStartupFilter>();
        return services;
    }

    public static string HeaderValue(PracticeRole role, string userId, Guid? clientId = null, Guid? therapistId = null) =>
        $"{role};{userId};{clientId};{therapistId}";

    /// <summary>A client whose requests are made as the given person.</summary>
    public static HttpClient As(this HttpClient client, PracticeRole role, string userId, Guid? clientId = null, Guid? therapistId = null)
    {
        client.DefaultRequestHeaders.Remove(UserHeader);
        client.DefaultRequestHeaders.Add(UserHeader, HeaderValue(role, userId, clientId, therapistId));
        return client;
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var parts = value.ToString().Split(';');
            if (parts.Length < 2 || !Enum.TryParse<PracticeRole>(parts[0], out var role))
            {
                return Task.FromResult(AuthenticateResult.Fail($"{UserHeader} must be role;userId;clientId;therapistId."));
            }

            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, parts[1]), new(ClaimTypes.Role, role.ToString()) };
            if (parts.Length > 2 && Guid.TryParse(parts[2], out var clientId))
            {
                claims.Add(new Claim(PracticeClaims.ClientId, clientId.ToString()));
            }

            if (parts.Length > 3 && Guid.TryParse(parts[3], out var therapistId))
            {
                claims.Add(new Claim(PracticeClaims.TherapistId, therapistId.ToString()));
            }

            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, TestAuthentication.Scheme));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, TestAuthentication.Scheme)));
        }
    }

    private sealed class RemoteIpStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextDelegate) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteIpHeader, out var ip) && IPAddress.TryParse(ip, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextDelegate(context);
            });
            next(app);
        };
    }
}
