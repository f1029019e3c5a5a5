using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Therapists;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Pages.Manage;

[Authorize(Policy = Policies.Manager)]
internal sealed class StaffModel(AccountsDbContext db, IAccounts accounts, UserManager<PracticeUser> users, TherapistDirectory therapists, TimeProvider time) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public IReadOnlyList<CredentialWarning> Warnings { get; private set; } = [];

    [TempData]
    public string? Invited { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Role is not (PracticeRole.Therapist or PracticeRole.Reception or PracticeRole.Client or PracticeRole.Manager))
        {
            ModelState.AddModelError("Input.Role", "Choose a role.");
        }

        if (!string.IsNullOrWhiteSpace(Input.Email) && await users.FindByEmailAsync(Input.Email.Trim()) is { } existing && await users.HasPasswordAsync(existing))
        {
            ModelState.AddModelError("Input.Email", "This address already has an active account.");
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

        Invited = $"An invitation is on its way to {Input.Email!.Trim()}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await (from user in db.Users
                          join userRole in db.UserRoles on user.Id equals userRole.UserId
                          join role in db.Roles on userRole.RoleId equals role.Id
                          orderby role.Name, user.DisplayName
                          select new { user.DisplayName, user.Email, Role = role.Name, HasPassword = user.PasswordHash != null, user.LockoutEnd, user.CreatedAt })
            .ToListAsync(cancellationToken);
        Accounts = rows.Select(r => new AccountRow(r.DisplayName, r.Email ?? "", r.Role ?? "",
                r.LockoutEnd > now ? "locked" : r.HasPassword ? "active" : "invited", r.CreatedAt))
            .ToList();
        Warnings = await therapists.WarningsAsync(cancellationToken);
    }

    public sealed record AccountRow(string DisplayName, string Email, string Role, string State, DateTime CreatedAt);

    public sealed class InviteInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public PracticeRole? Role { get; set; } = PracticeRole.Therapist;
    }
}
