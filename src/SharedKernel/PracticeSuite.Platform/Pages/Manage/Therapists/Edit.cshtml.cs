using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Therapists;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Pages.Manage.Therapists;

[Authorize(Policy = Policies.Manager)]
internal sealed class EditModel(AccountsDbContext db, TherapistDirectory directory) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    [BindProperty]
    public CredentialInput Credential { get; set; } = new();

    public TherapistProfile? Profile { get; private set; }

    public bool MayBeBooked { get; private set; }

    /// <summary>Why the therapist is not bookable, when it is their account rather than a lapsed licence.</summary>
    public bool AccountDeactivated { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(therapistId, cancellationToken))
        {
            return NotFound();
        }

        Input = new ProfileInput { DisplayName = Profile!.DisplayName, Bio = Profile.Bio };
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(therapistId, cancellationToken))
        {
            return NotFound();
        }

        Input.Validate(ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Profile!.DisplayName = Input.DisplayName!.Trim();
        Profile.Bio = Input.Bio?.Trim() ?? "";
        await db.SaveChangesAsync(cancellationToken);
        Saved = "The profile is saved.";
        return RedirectToPage(new { therapistId });
    }

    public async Task<IActionResult> OnPostAddCredentialAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(therapistId, cancellationToken))
        {
            return NotFound();
        }

        if (Credential.Kind is null)
        {
            ModelState.AddModelError("Credential.Kind", "Choose licence or certification.");
        }

        if (string.IsNullOrWhiteSpace(Credential.Title) || Credential.Title.Trim().Length > 200)
        {
            ModelState.AddModelError("Credential.Title", "Say what it is, e.g. \"Massage therapy licence\" (at most 200 characters).");
        }

        if (string.IsNullOrWhiteSpace(Credential.Number) || Credential.Number.Trim().Length > 100)
        {
            ModelState.AddModelError("Credential.Number", "Enter the number (at most 100 characters).");
        }

        if (string.IsNullOrWhiteSpace(Credential.Issuer) || Credential.Issuer.Trim().Length > 200)
        {
            ModelState.AddModelError("Credential.Issuer", "Enter who issued it (at most 200 characters).");
        }

        if (Credential.ExpiresOn is null)
        {
            ModelState.AddModelError("Credential.ExpiresOn", "Enter the expiry date.");
        }

        if (!ModelState.IsValid)
        {
            Input = new ProfileInput { DisplayName = Profile!.DisplayName, Bio = Profile.Bio };
            return Page();
        }

        db.TherapistCredentials.Add(new TherapistCredential
        {
            Id = Guid.CreateVersion7(),
            TherapistId = therapistId,
            Kind = Credential.Kind!.Value,
            Title = Credential.Title!.Trim(),
            Number = Credential.Number!.Trim(),
            Issuer = Credential.Issuer!.Trim(),
            ExpiresOn = Credential.ExpiresOn!.Value,
        });
        await db.SaveChangesAsync(cancellationToken);
        Saved = "The credential is added.";
        return RedirectToPage(new { therapistId });
    }

    public async Task<IActionResult> OnPostRemoveCredentialAsync(Guid therapistId, Guid credentialId, CancellationToken cancellationToken)
    {
        var credential = await db.TherapistCredentials.SingleOrDefaultAsync(c => c.Id == credentialId && c.TherapistId == therapistId, cancellationToken);
        if (credential is null)
        {
            return NotFound();
        }

        db.TherapistCredentials.Remove(credential);
        await db.SaveChangesAsync(cancellationToken);
        Saved = "The credential is removed.";
        return RedirectToPage(new { therapistId });
    }

    public bool HasLapsed(TherapistCredential credential) => directory.HasLapsed(credential);

    private async Task<bool> LoadAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        Profile = await db.Therapists.Include(t => t.Credentials).SingleOrDefaultAsync(t => t.Id == therapistId, cancellationToken);
        if (Profile is null)
        {
            return false;
        }

        MayBeBooked = (await directory.FindAsync(therapistId, cancellationToken))?.MayBeBooked ?? false;
        AccountDeactivated = (await directory.DeactivatedAsync(cancellationToken)).Contains(therapistId);
        return true;
    }

    public sealed class CredentialInput
    {
        public CredentialKind? Kind { get; set; } = CredentialKind.Licence;

        public string? Title { get; set; }

        public string? Number { get; set; }

        public string? Issuer { get; set; }

        public DateOnly? ExpiresOn { get; set; }
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
