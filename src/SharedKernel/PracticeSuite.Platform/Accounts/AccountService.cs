using System.Net.Mail;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Email;
using PracticeSuite.Platform.Therapists;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// Account operations: invitations, password resets, linking and erasure. Each runs in one transaction of
/// the host's database, e-mail included (the message is queued in the same tables).
/// </summary>
internal sealed class AccountService(
    AccountsDbContext db,
    UserManager<PracticeUser> users,
    AccountTokenService tokens,
    IEmailSender email,
    EmailWakeUp wakeUp,
    TimeProvider time,
    IServer server,
    SignInSessions sessions,
    ClientMailErasure clientMail,
    IOptions<AccountsOptions> options,
    IClinicIdentity clinicIdentity,
    ILogger<AccountService> logger) : IAccounts
{
    private AccountsOptions Options => options.Value;

    public async Task<string> InviteAsync(AccountInvitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var address = invitation.Email.Trim();
        var errors = new Dictionary<string, string[]>();
        if (!IsEmailAddress(address))
        {
            errors[nameof(AccountInvitation.Email)] = ["Enter a valid e-mail address."];
        }

        if (string.IsNullOrWhiteSpace(invitation.DisplayName))
        {
            errors[nameof(AccountInvitation.DisplayName)] = ["Enter a name."];
        }
        else if (invitation.DisplayName.Trim().Length > 200)
        {
            errors[nameof(AccountInvitation.DisplayName)] = ["Shorten the name to 200 characters or fewer."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(address);
        if (user is not null && await users.HasPasswordAsync(user))
        {
            // An active account keeps its password: an invitation must never become a way to take it over.
            await transaction.RollbackAsync(cancellationToken);
            return user.Id;
        }

        if (user is not null && user.DeactivatedAt is not null)
        {
            // A deactivated account gets no new link: a manager reactivates it first (the Staff page says so).
            await transaction.RollbackAsync(cancellationToken);
            return user.Id;
        }

        if (user is null)
        {
            user = new PracticeUser
            {
                UserName = address,
                Email = address,
                DisplayName = invitation.DisplayName.Trim(),
                CreatedAt = time.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
                ClientId = invitation.Role == PracticeRole.Client ? invitation.LinkedId : null,
                TherapistId = invitation.Role == PracticeRole.Therapist ? invitation.LinkedId ?? NewTherapistId() : null,
            };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, invitation.Role.ToString()));
        }

        await QueueInvitationAsync(user, invitation.Role, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.AfterCommit(wakeUp.Signal); // inside a command, only once the command has committed
        logger.LogInformation("Invited account {UserId} as {Role}", user.Id, invitation.Role);
        return user.Id;
    }

    /// <summary>
    /// A new invitation for an account that has not chosen its password yet: a new link, and the earlier one stops
    /// working (<see cref="AccountTokenService.IssueAsync"/>).
    /// </summary>
    public async Task ResendInvitationAsync(PracticeUser user, PracticeRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        await QueueInvitationAsync(user, role, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.AfterCommit(wakeUp.Signal);
        logger.LogInformation("Sent the invitation of account {UserId} again", user.Id);
    }

    private async Task QueueInvitationAsync(PracticeUser user, PracticeRole role, CancellationToken cancellationToken)
    {
        var (token, tokenId) = await tokens.IssueAsync(user.Id, AccountTokenPurposes.Invitation, Options.InvitationLifetime, cancellationToken);
        var link = $"{BaseUrl()}/Account/AcceptInvitation?token={Uri.EscapeDataString(token)}";
        var days = Math.Max(1, (int)Math.Round(Options.InvitationLifetime.TotalDays));
        var clinic = (await clinicIdentity.GetAsync(cancellationToken)).Name;
        var (subject, opening) = role == PracticeRole.Client
            ? ($"You are invited to {clinic}'s client portal",
                $"{clinic} invites you to its client portal, where you can fill in your intake form, sign the consent to treatment and see what the clinic holds about you.")
            : ($"You are invited to {clinic}'s staff pages",
                $"{clinic} invites you to its staff pages as {RoleName(role)}.");
        await email.QueueAsync(new EmailMessage(
            user.Email!,
            subject,
            $"Hello {user.DisplayName},\n\n{opening} Choose your password here:\n\n{link}\n\nThe link works once and expires in {days} day(s).\n",
            null,
            "invitation",
            $"invitation:{tokenId}",
            user.ClientId), cancellationToken);
    }

    public Task<string?> FindUserIdForClientAsync(Guid clientId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.ClientId == clientId).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task WithdrawClientInvitationsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.AccountTokens
            .Where(t => t.Purpose == AccountTokenPurposes.Invitation && t.UsedAt == null && t.ExpiresAt > now)
            .Where(t => db.Users.Any(u => u.Id == t.UserId && u.ClientId == clientId))
            .ToListAsync(cancellationToken);
        foreach (var token in pending)
        {
            token.ExpiresAt = now; // the link then reads "This link has expired."
        }

        await db.SaveChangesAsync(cancellationToken);
        if (pending.Count > 0)
        {
            logger.LogInformation("Withdrew {Count} portal invitation(s) of client {ClientId}", pending.Count, clientId);
        }
    }

    public async Task TellManagersAsync(ManagerNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var link = BaseUrl() + "/" + notice.Path.TrimStart('/');
        // A manager locked out for a while by failed sign-ins is still told; an invitation not yet accepted is not a manager at work.
        var managers = (await users.GetUsersInRoleAsync(nameof(PracticeRole.Manager)))
            .Where(m => m.PasswordHash is not null && !string.IsNullOrWhiteSpace(m.Email))
            .OrderBy(m => m.Id, StringComparer.Ordinal);
        foreach (var manager in managers)
        {
            await email.QueueAsync(new EmailMessage(
                manager.Email!,
                notice.Subject,
                $"Hello {manager.DisplayName},\n\n{notice.Text}\n\n{link}\n",
                null,
                notice.Kind,
                $"{notice.Key}:{manager.Id}"), cancellationToken);
        }
    }

    public async Task EraseClientAccountAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var accounts = await db.Users.Where(u => u.ClientId == clientId).ToListAsync(cancellationToken);
        await clientMail.EraseAsync(clientId, accounts.Where(u => u.Email is not null).Select(u => u.Email!).ToList(), cancellationToken);
        foreach (var user in accounts)
        {
            db.AccountTokens.RemoveRange(db.AccountTokens.Where(t => t.UserId == user.Id));
            await sessions.EndAllAsync(user.Id, "account-erased", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            Check(await users.DeleteAsync(user));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Sends a reset link when the address belongs to an active account; the caller sees the same answer either way.</summary>
    public async Task RequestPasswordResetAsync(string? address, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(address) || !IsEmailAddress(address.Trim()))
        {
            return;
        }

        var user = await users.FindByEmailAsync(address.Trim());
        if (user is null || !await users.HasPasswordAsync(user) || user.DeactivatedAt is not null)
        {
            logger.LogInformation("Password reset requested for an address without an active account");
            return;
        }

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var lifetime = Options.EffectivePasswordResetLifetime;
        var (token, tokenId) = await tokens.IssueAsync(user.Id, AccountTokenPurposes.PasswordReset, lifetime, cancellationToken);
        var link = $"{BaseUrl()}/Account/ResetPassword?token={Uri.EscapeDataString(token)}";
        var clinic = (await clinicIdentity.GetAsync(cancellationToken)).Name;
        await email.QueueAsync(new EmailMessage(
            user.Email!,
            $"Reset your password for {clinic}",
            $"Hello {user.DisplayName},\n\nSomeone asked to reset the password of your account with {clinic}. If it was you, choose a new password here:\n\n{link}\n\nThe link works once and expires in {(int)lifetime.TotalMinutes} minutes. If you did not ask, ignore this message.\n",
            null,
            "password-reset",
            $"password-reset:{tokenId}",
            user.ClientId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.AfterCommit(wakeUp.Signal); // inside a command, only once the command has committed
    }

    /// <summary>Sets a password with an invitation or reset token: nothing changes unless the token is valid and the password acceptable.</summary>
    public async Task<PasswordChangeOutcome> SetPasswordWithTokenAsync(string? token, string purpose, string? password, CancellationToken cancellationToken)
    {
        var check = await tokens.CheckAsync(token, purpose, cancellationToken);
        if (check.State != TokenState.Valid)
        {
            return new PasswordChangeOutcome(check.State, []);
        }

        var user = await users.FindByIdAsync(check.Token!.UserId);
        if (user is null || user.DeactivatedAt is not null) // deactivation withdraws links; this guards one followed meanwhile
        {
            return new PasswordChangeOutcome(TokenState.Unknown, []);
        }

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var resetToken = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, resetToken, password ?? "");
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new PasswordChangeOutcome(TokenState.Valid, result.Errors.Select(e => e.Description).ToList());
        }

        tokens.MarkUsed(check.Token);
        await sessions.EndAllAsync(user.Id, purpose == AccountTokenPurposes.Invitation ? "password-set" : "password-reset", cancellationToken);
        user.EmailConfirmed = true; // the link reached the mailbox
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PasswordChangeOutcome(TokenState.Valid, []) { User = user };
    }

    /// <summary>
    /// The id a new therapist is known by in every module. Their profile and credentials are the Scheduling module's,
    /// which keeps them under this id.
    /// </summary>
    public static Guid NewTherapistId() => Guid.CreateVersion7();

    /// <summary>
    /// Where links in e-mails point: Accounts:PublicUrl, which start-up requires outside Development; in Development
    /// without it, the server's own first listening address. Never the request's Host header, which the sender controls.
    /// </summary>
    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(Options.PublicUrl))
        {
            return Options.PublicUrl.TrimEnd('/');
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var address))
        {
            return "http://localhost:5080";
        }

        var host = address.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : address.Host;
        return $"{address.Scheme}://{host}:{address.Port}";
    }

    public static bool IsEmailAddress(string address) =>
        address.Length is > 3 and <= 256 && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;

    private static string RoleName(PracticeRole role) => role switch
    {
        PracticeRole.Manager => "a manager",
        PracticeRole.Therapist => "a therapist",
        PracticeRole.Reception => "the front desk",
        _ => "a client",
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["Email"] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }

}

/// <param name="State">Whether the token was usable.</param>
/// <param name="PasswordErrors">The password rules that failed; empty on success.</param>
internal sealed record PasswordChangeOutcome(TokenState State, IReadOnlyList<string> PasswordErrors)
{
    public bool Succeeded => State == TokenState.Valid && PasswordErrors.Count == 0;

    public PracticeUser? User { get; init; }
}
