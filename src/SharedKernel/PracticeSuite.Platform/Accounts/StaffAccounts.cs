using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// A manager's actions on staff accounts (issue 17): send an invitation again, change the role, deactivate or
/// reactivate, unlock. Clients' accounts are not touched here (they follow their client record). A role change and a
/// deactivation end every session of the account at once (issue 16, defect 3); the clinic always keeps an active
/// manager. Each action is audited with the manager who took it and the account it was taken on.
/// </summary>
internal sealed class StaffAccounts(
    AccountsDbContext db,
    UserManager<PracticeUser> users,
    AccountService accounts,
    SignInSessions sessions,
    AccountAudit audit,
    TimeProvider time,
    ILogger<StaffAccounts> logger)
{
    public static readonly IReadOnlyList<PracticeRole> Roles = [PracticeRole.Manager, PracticeRole.Therapist, PracticeRole.Reception];

    public const string NotOnTheList =
        "That account is not on the staff list: it may have been removed, or it is a client's (clients are managed from their client record).";

    public static bool IsStaffRole(PracticeRole role) => Roles.Contains(role);

    /// <summary>Signed up and not deactivated: can sign in (a lockout by failed sign-ins passes by itself).</summary>
    public static bool IsActive(PracticeUser user) => user.PasswordHash is not null && user.DeactivatedAt is null;

    public async Task<StaffActionOutcome> ResendInvitationAsync(string? accountId, ClaimsPrincipal manager, CancellationToken cancellationToken)
    {
        if (await FindAsync(accountId) is not { } member)
        {
            return StaffActionOutcome.Refused(NotOnTheList);
        }

        var (user, role) = member;

        if (user.PasswordHash is not null)
        {
            return StaffActionOutcome.Refused($"{user.DisplayName} has already chosen a password: there is no invitation to send.");
        }

        if (user.DeactivatedAt is not null)
        {
            return StaffActionOutcome.Refused($"{user.DisplayName} is deactivated: reactivate the account before sending the invitation again.");
        }

        await accounts.ResendInvitationAsync(user, role, cancellationToken);
        await RecordAsync(AccountAudit.InvitationResent, manager, user);
        return StaffActionOutcome.Done($"A new invitation is on its way to {user.Email}. The earlier link no longer works.");
    }

    public async Task<StaffActionOutcome> ChangeRoleAsync(string? accountId, string? newRole, ClaimsPrincipal manager, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<PracticeRole>(newRole, ignoreCase: true, out var role) || !Enum.IsDefined(role) || !IsStaffRole(role) || int.TryParse(newRole, out _))
        {
            return StaffActionOutcome.Refused("Choose Manager, Therapist or Reception.");
        }

        if (await FindAsync(accountId) is not { } member)
        {
            return StaffActionOutcome.Refused(NotOnTheList);
        }

        var (user, current) = member;

        if (current == role)
        {
            return StaffActionOutcome.Refused($"{user.DisplayName} is already {RoleWords(role)}.");
        }

        if (current == PracticeRole.Manager && await IsLastActiveManagerAsync(user))
        {
            return StaffActionOutcome.Refused($"{user.DisplayName} is the clinic's last active manager: make someone else a manager first.");
        }

        await using (var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken))
        {
            Check(await users.RemoveFromRoleAsync(user, current.ToString()));
            Check(await users.AddToRoleAsync(user, role.ToString()));
            if (role == PracticeRole.Therapist && user.TherapistId is null)
            {
                // A therapist keeps the id of an earlier therapist role, so their profile and history follow them.
                user.TherapistId = AccountService.NewTherapistId();
                Check(await users.UpdateAsync(user));
            }

            // Their cookies carry the old role's claims: every session ends, and the next sign-in carries the new role.
            await sessions.EndAllAsync(user.Id, "role-changed", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await RecordAsync(AccountAudit.RoleSet(role), manager, user);
        logger.LogInformation("Account {UserId} changed from {Old} to {New}", user.Id, current, role);
        return StaffActionOutcome.Done($"{user.DisplayName} is now {RoleWords(role)}. They have been signed out and sign in again to use it.");
    }

    public async Task<StaffActionOutcome> DeactivateAsync(string? accountId, ClaimsPrincipal manager, CancellationToken cancellationToken)
    {
        if (await FindAsync(accountId) is not { } member)
        {
            return StaffActionOutcome.Refused(NotOnTheList);
        }

        var (user, role) = member;

        if (user.DeactivatedAt is not null)
        {
            return StaffActionOutcome.Refused($"{user.DisplayName} is already deactivated.");
        }

        // Checked before "yourself", so the clinic's last manager reads the reason that matters.
        if (role == PracticeRole.Manager && await IsLastActiveManagerAsync(user))
        {
            return StaffActionOutcome.Refused($"{user.DisplayName} is the clinic's last active manager and cannot be deactivated.");
        }

        if (user.Id == manager.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return StaffActionOutcome.Refused("You cannot deactivate your own account: another manager can.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken))
        {
            user.DeactivatedAt = now;
            Check(await users.UpdateAsync(user));
            // Links already sent (an invitation, a reset) would let the account choose a password and sign in.
            var links = await db.AccountTokens.Where(t => t.UserId == user.Id && t.UsedAt == null && t.ExpiresAt > now).ToListAsync(cancellationToken);
            foreach (var link in links)
            {
                link.ExpiresAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await sessions.EndAllAsync(user.Id, "account-deactivated", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await RecordAsync(AccountAudit.Deactivated, manager, user);
        logger.LogInformation("Account {UserId} deactivated", user.Id);
        return StaffActionOutcome.Done($"{user.DisplayName} is deactivated: signed out everywhere, and cannot sign in until reactivated.");
    }

    public async Task<StaffActionOutcome> ReactivateAsync(string? accountId, ClaimsPrincipal manager, CancellationToken cancellationToken)
    {
        if (await FindAsync(accountId) is not { } member)
        {
            return StaffActionOutcome.Refused(NotOnTheList);
        }

        var user = member.User;

        if (user.DeactivatedAt is null)
        {
            return StaffActionOutcome.Refused($"{user.DisplayName} is not deactivated.");
        }

        user.DeactivatedAt = null;
        Check(await users.UpdateAsync(user));
        await RecordAsync(AccountAudit.Reactivated, manager, user);
        return StaffActionOutcome.Done(user.PasswordHash is null
            ? $"{user.DisplayName} is reactivated. They have not chosen a password yet: send the invitation again."
            : $"{user.DisplayName} is reactivated and can sign in again.");
    }

    public async Task<StaffActionOutcome> UnlockAsync(string? accountId, ClaimsPrincipal manager, CancellationToken cancellationToken)
    {
        if (await FindAsync(accountId) is not { } member)
        {
            return StaffActionOutcome.Refused(NotOnTheList);
        }

        var user = member.User;

        if (!(user.LockoutEnd > time.GetUtcNow()))
        {
            return StaffActionOutcome.Refused($"{user.DisplayName} is not locked.");
        }

        await using (var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken))
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            await transaction.CommitAsync(cancellationToken);
        }

        await RecordAsync(AccountAudit.Unlocked, manager, user);
        return StaffActionOutcome.Done($"{user.DisplayName} is unlocked and can sign in again.");
    }

    public static string RoleWords(PracticeRole role) => role switch
    {
        PracticeRole.Manager => "a manager",
        PracticeRole.Therapist => "a therapist",
        PracticeRole.Reception => "on the front desk (Reception)",
        _ => "a client",
    };

    /// <summary>The account and its role, when it is a staff account; null for an unknown id or a client's account.</summary>
    private async Task<StaffMember?> FindAsync(string? accountId)
    {
        if (string.IsNullOrWhiteSpace(accountId) || accountId.Length > 450 || await users.FindByIdAsync(accountId) is not { } user)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        return roles.Count == 1 && Enum.TryParse<PracticeRole>(roles[0], out var role) && IsStaffRole(role) ? new StaffMember(user, role) : null;
    }

    /// <summary>True when no other manager could sign in and manage the clinic without this one.</summary>
    private async Task<bool> IsLastActiveManagerAsync(PracticeUser manager) =>
        IsActive(manager) && !(await users.GetUsersInRoleAsync(nameof(PracticeRole.Manager))).Any(m => m.Id != manager.Id && IsActive(m));

    private Task RecordAsync(AuditAction action, ClaimsPrincipal manager, PracticeUser account) =>
        audit.RecordAsync(action, manager.FindFirstValue(ClaimTypes.NameIdentifier), manager.FindFirstValue(ClaimTypes.Role), account.Id);

    private sealed record StaffMember(PracticeUser User, PracticeRole Role);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>What a staff action did, in words for the page: a notice when done, the reason when refused.</summary>
internal sealed record StaffActionOutcome(bool Succeeded, string Message)
{
    public static StaffActionOutcome Done(string notice) => new(true, notice);

    public static StaffActionOutcome Refused(string reason) => new(false, reason);
}
