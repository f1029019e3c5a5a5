using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Therapists;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar.Settings;

/// <summary>One therapist's profile: photo and biography for clients, and the licences and certifications kept for bookings.</summary>
public sealed class TherapistModel(IMediator mediator) : SchedulingPageModel
{
    [BindProperty]
    public string? Bio { get; set; }

    [BindProperty]
    public CredentialInput Credential { get; set; } = new();

    internal TherapistProfileView? Profile { get; private set; }

    public async Task OnGetAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        await LoadAsync(therapistId, cancellationToken);
        Bio = Profile!.Bio;
    }

    public Task<IActionResult> OnPostBioAsync(Guid therapistId, CancellationToken cancellationToken) =>
        SendAsync(therapistId, new SaveTherapistBio(therapistId, Bio), "The biography is saved.", "", cancellationToken);

    public async Task<IActionResult> OnPostPhotoAsync(Guid therapistId, IFormFile? photo, CancellationToken cancellationToken)
    {
        if (photo is null || photo.Length == 0)
        {
            ModelState.AddModelError("Photo", "Choose a photo to upload.");
            return await PageAsync(therapistId, cancellationToken);
        }

        if (photo.Length > ProfilePhotos.MaxBytes)
        {
            // Refused before it is read into memory; the command checks the same limit on the bytes.
            ModelState.AddModelError("Photo", $"The photo is larger than {ProfilePhotos.MaxBytes / 1024 / 1024} MB: choose a smaller one.");
            return await PageAsync(therapistId, cancellationToken);
        }

        using var buffer = new MemoryStream((int)photo.Length);
        await photo.CopyToAsync(buffer, cancellationToken);
        return await SendAsync(therapistId, new SetTherapistPhoto(therapistId, buffer.ToArray()), "The photo is saved.", "", cancellationToken);
    }

    public Task<IActionResult> OnPostRemovePhotoAsync(Guid therapistId, CancellationToken cancellationToken) =>
        SendAsync(therapistId, new SetTherapistPhoto(therapistId, null), "The photo is removed.", "", cancellationToken);

    public Task<IActionResult> OnPostAddCredentialAsync(Guid therapistId, CancellationToken cancellationToken) =>
        SendAsync(therapistId, new AddTherapistCredential(therapistId, Credential.ParsedKind, Credential.Title, Credential.Number, Credential.Issuer, Credential.ExpiresOn),
            "The credential is added.", "Credential.", cancellationToken);

    public Task<IActionResult> OnPostRemoveCredentialAsync(Guid therapistId, Guid credentialId, CancellationToken cancellationToken) =>
        SendAsync(therapistId, new RemoveTherapistCredential(therapistId, credentialId), "The credential is removed.", "", cancellationToken);

    private async Task<IActionResult> SendAsync<TResult>(Guid therapistId, IRequest<TResult> command, string done, string prefix, CancellationToken cancellationToken)
    {
        // A field's message goes beside it: the biography's is keyed "Bio", the photo's "Photo", a credential's "Credential.X".
        var (succeeded, _) = await TryAsync(mediator, command, cancellationToken, prefix);
        if (succeeded)
        {
            TempData.SetNotice(done);
            return Redirect(TherapistPages.Of(therapistId));
        }

        return await PageAsync(therapistId, cancellationToken);
    }

    private async Task<IActionResult> PageAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        await LoadAsync(therapistId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid therapistId, CancellationToken cancellationToken) =>
        Profile = await mediator.Send(new GetTherapistProfile(therapistId), cancellationToken);

    public sealed class CredentialInput
    {
        /// <summary>"Licence" or "Certification".</summary>
        public string? Kind { get; set; } = nameof(CredentialKind.Licence);

        internal CredentialKind? ParsedKind => Enum.TryParse<CredentialKind>(Kind, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Kind, out _) ? kind : null;

        public string? Title { get; set; }

        public string? Number { get; set; }

        public string? Issuer { get; set; }

        public DateOnly? ExpiresOn { get; set; }
    }
}
