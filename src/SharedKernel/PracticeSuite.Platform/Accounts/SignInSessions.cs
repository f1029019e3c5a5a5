using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// One signed-in browser: the cookie carries only its id, so the server can end it. It ends on sign-out, when its
/// absolute lifetime (<c>Accounts:SessionLifetime</c>) runs out, and, with every other session of the account, when the
/// password is changed or reset or the account is erased.
/// </summary>
internal sealed class SignInSession
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTime StartedAt { get; set; }

    /// <summary>When it ends whatever happens: sliding renewal of the cookie never moves this.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Why it ended: <c>signed-out</c>, <c>password-changed</c>, <c>password-reset</c>, <c>account-erased</c>.</summary>
    public string? EndReason { get; set; }
}

/// <summary>Starts, checks and ends sign-in sessions; each change is saved at once (a session is not part of a larger change).</summary>
internal sealed class SignInSessions(AccountsDbContext db, TimeProvider time, IOptions<AccountsOptions> options)
{
    /// <summary>The claim that carries the session's id in the sign-in cookie.</summary>
    public const string ClaimType = "practicesuite:session";

    public async Task<Guid> StartAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new SignInSession { Id = Guid.CreateVersion7(), UserId = userId, StartedAt = now, ExpiresAt = now + options.Value.SessionLifetime };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    public async Task<bool> IsActiveAsync(Guid sessionId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Sessions.AsNoTracking()
            .AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now, cancellationToken);
    }

    public Task EndAsync(Guid sessionId, string reason, CancellationToken cancellationToken) =>
        End(db.Sessions.Where(s => s.Id == sessionId), reason, cancellationToken);

    /// <summary>Ends every session of the account (a password changed or reset, the account erased).</summary>
    public Task EndAllAsync(string userId, string reason, CancellationToken cancellationToken) =>
        End(db.Sessions.Where(s => s.UserId == userId), reason, cancellationToken);

    private async Task End(IQueryable<SignInSession> sessions, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await sessions.Where(s => s.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), cancellationToken);
    }

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>Identity rebuilds the principal every half hour (the security stamp check); the session's id goes with it.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimType))
        {
            identity.AddClaim(new Claim(ClaimType, claim.Value));
        }

        return Task.CompletedTask;
    }

    /// <summary>The cookie's events: a session starts with each sign-in, is checked on every request and ends at sign-out.</summary>
    public static void Attach(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
            var userId = context.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var id = await sessions.StartAsync(userId, context.HttpContext.RequestAborted);
            ((ClaimsIdentity)context.Principal!.Identity!).AddClaim(new Claim(ClaimType, id.ToString()));
            await context.HttpContext.RequestServices.GetRequiredService<AccountAudit>()
                .RecordAsync(AccountAudit.SignedIn, userId, context.Principal.FindFirstValue(ClaimTypes.Role), userId);
        };
        events.OnValidatePrincipal = async context =>
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context); // Identity's own check, kept
            if (context.Principal is null)
            {
                return;
            }

            var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
            var userId = context.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
            if (IdOf(context.Principal) is not { } id || userId is null || !await sessions.IsActiveAsync(id, userId, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        };
        events.OnSigningOut = async context =>
        {
            var user = context.HttpContext.User;
            if (IdOf(user) is { } id)
            {
                await context.HttpContext.RequestServices.GetRequiredService<SignInSessions>().EndAsync(id, "signed-out", context.HttpContext.RequestAborted);
            }

            if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await context.HttpContext.RequestServices.GetRequiredService<AccountAudit>()
                    .RecordAsync(AccountAudit.SignedOut, userId, user.FindFirstValue(ClaimTypes.Role), userId);
            }
        };
    }
}
