using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Pages.Manage;

/// <summary>
/// The clinic's staff accounts (managers, therapists, reception) and what a manager does with them (issue 17): invite,
/// send an invitation again, change a role, deactivate or reactivate, unlock. Clients are invited from their client
/// record and are not listed here.
/// </summary>
[Authorize(Policy = Policies.Manager)]
internal sealed class StaffModel(AccountsDbContext db, IAccounts accounts, StaffAccounts staff, UserManager<PracticeUser> users, TimeProvider time)
    : PageModel
{
    private static readonly string[] StaffRoleNames = StaffAccounts.Roles.Select(r => r.ToString()).ToArray();

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    /// <summary><c>?confirm=deactivate&amp;id=…</c>: the confirmation step before a deactivation.</summary>
    [BindProperty(SupportsGet = true, Name = "confirm")]
    public string? Confirm { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? ConfirmId { get; set; }

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    /// <summary>The account a refused action was about, and why: shown next to that account's actions.</summary>
    public (string AccountId, string Message)? ActionError { get; private set; }

    public string? SignedInUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public AccountRow? ToDeactivate => Confirm == "deactivate" ? Accounts.FirstOrDefault(a => a.Id == ConfirmId && a.Id != SignedInUserId && a.State != AccountState.Deactivated) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Role == PracticeRole.Client)
        {
            ModelState.AddModelError("Input.Role", "Clients are invited from their client record, not from the Staff page.");
        }
        else if (Input.Role is not { } role || !StaffAccounts.IsStaffRole(role))
        {
            ModelState.AddModelError("Input.Role", "Choose a role.");
        }

        if (!string.IsNullOrWhiteSpace(Input.Email) && await users.FindByEmailAsync(Input.Email.Trim()) is { } existing)
        {
            var existingRoles = await users.GetRolesAsync(existing);
            if (!existingRoles.All(StaffRoleNames.Contains))
            {
                ModelState.AddModelError("Input.Email", "This address belongs to a client's portal account. Use another address.");
            }
            else if (existing.DeactivatedAt is not null)
            {
                ModelState.AddModelError("Input.Email", "This address belongs to a deactivated account. Reactivate it in the list.");
            }
            else if (await users.HasPasswordAsync(existing))
            {
                ModelState.AddModelError("Input.Email", "This address already has an active account.");
            }
            else
            {
                // One way to send a new link, with the role the account already has.
                ModelState.AddModelError("Input.Email", "This address is already invited. Use “Send the invitation again” in the list.");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            await accounts.InviteAsync(new AccountInvitation(Input.Email ?? "", Input.DisplayName ?? "", Input.Role!.Value, null), cancellationToken);
        }
        catch (RequestValidationException)
        {
            await LoadAsync(cancellationToken); // the validation filter shows the field errors on this page
            throw;
        }

        TempData.SetNotice($"An invitation is on its way to {Input.Email!.Trim()}.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResendAsync(string? id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await staff.ResendInvitationAsync(id, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostChangeRoleAsync(string? id, string? role, CancellationToken cancellationToken) =>
        await AfterAsync(id, await staff.ChangeRoleAsync(id, role, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDeactivateAsync(string? id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await staff.DeactivateAsync(id, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReactivateAsync(string? id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await staff.ReactivateAsync(id, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string? id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await staff.UnlockAsync(id, User, cancellationToken), cancellationToken);

    /// <summary>Done: the notice after the redirect. Refused: this page again, the reason beside the account's actions.</summary>
    private async Task<IActionResult> AfterAsync(string? id, StaffActionOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            TempData.SetNotice(outcome.Message);
            return RedirectToPage();
        }

        Confirm = null;
        ActionError = (id ?? "", outcome.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await (from user in db.Users
                          join userRole in db.UserRoles on user.Id equals userRole.UserId
                          join role in db.Roles on userRole.RoleId equals role.Id
                          where StaffRoleNames.Contains(role.Name!)
                          orderby role.Name, user.DisplayName
                          select new { user.Id, user.DisplayName, user.Email, Role = role.Name, HasPassword = user.PasswordHash != null, user.LockoutEnd, user.DeactivatedAt })
            .ToListAsync(cancellationToken);
        var invited = rows.Where(r => !r.HasPassword).Select(r => r.Id).ToList();
        // The newest invitation of each account not yet accepted: resending one marks the earlier ones used.
        var invitations = (await db.AccountTokens.AsNoTracking()
                .Where(t => t.Purpose == AccountTokenPurposes.Invitation && t.UsedAt == null && invited.Contains(t.UserId))
                .Select(t => new { t.UserId, t.ExpiresAt })
                .ToListAsync(cancellationToken))
            .GroupBy(t => t.UserId)
            .ToDictionary(g => g.Key, g => g.Max(t => t.ExpiresAt));
        Accounts = rows.Select(r => new AccountRow(
                r.Id,
                r.DisplayName,
                r.Email ?? "",
                Enum.Parse<PracticeRole>(r.Role!),
                r.DeactivatedAt is not null ? AccountState.Deactivated
                    : r.LockoutEnd > now ? AccountState.Locked
                    : !r.HasPassword ? AccountState.Invited
                    : AccountState.Active,
                r.LockoutEnd?.UtcDateTime,
                invitations.TryGetValue(r.Id, out var expires) ? expires : null,
                now))
            .ToList();
    }

    public enum AccountState
    {
        Active,
        Invited,
        Locked,
        Deactivated,
    }

    /// <param name="LockedUntil">When a lockout by failed sign-ins ends (UTC).</param>
    /// <param name="InvitationExpires">When the newest unused invitation link expires (UTC); null when none was sent.</param>
    public sealed record AccountRow(
        string Id, string DisplayName, string Email, PracticeRole Role, AccountState State, DateTime? LockedUntil, DateTime? InvitationExpires, DateTime Now)
    {
        public bool InvitationExpired => InvitationExpires is not { } expires || expires <= Now;
    }

    public sealed class InviteInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public PracticeRole? Role { get; set; } = PracticeRole.Therapist;
    }
}
