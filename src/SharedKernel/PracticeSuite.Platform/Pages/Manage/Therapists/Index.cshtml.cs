using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Therapists;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Pages.Manage.Therapists;

[Authorize(Policy = Policies.Manager)]
internal sealed class IndexModel(AccountsDbContext db, TherapistDirectory directory, TimeProvider time) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public IReadOnlyList<TherapistSummary> Therapists { get; private set; } = [];

    public IReadOnlyList<CredentialWarning> Warnings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Validate(ModelState);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var profile = new TherapistProfile { Id = Guid.CreateVersion7(), DisplayName = Input.DisplayName!.Trim(), Bio = Input.Bio?.Trim() ?? "", CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Therapists.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Edit", new { id = profile.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Therapists = await directory.ListAsync(cancellationToken);
        Warnings = await directory.WarningsAsync(cancellationToken);
    }
}

internal sealed class ProfileInput
{
    public string? DisplayName { get; set; }

    public string? Bio { get; set; }

    public void Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            modelState.AddModelError("Input.DisplayName", "Enter a name.");
        }
        else if (DisplayName.Trim().Length > 200)
        {
            modelState.AddModelError("Input.DisplayName", "Shorten the name to 200 characters or fewer.");
        }

        if (Bio?.Length > 4000)
        {
            modelState.AddModelError("Input.Bio", "Keep the biography under 4000 characters.");
        }
    }
}
