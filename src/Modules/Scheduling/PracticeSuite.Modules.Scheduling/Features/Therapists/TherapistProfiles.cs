using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Therapists;

/// <summary>The audited changes to therapists' profiles: staff records, not health information, but who changed a licence matters.</summary>
internal static class TherapistAudit
{
    public static readonly AuditAction ProfileChanged = new("scheduling.therapist.profile-changed", AuditKind.Change, "Changed a therapist's biography or photo");
    public static readonly AuditAction CredentialAdded = new("scheduling.therapist.credential-added", AuditKind.Change, "Added a therapist's licence or certification");
    public static readonly AuditAction CredentialRemoved = new("scheduling.therapist.credential-removed", AuditKind.Change, "Removed a therapist's licence or certification");

    public static AuditSubject Subject(AuditAction action, Guid therapistId) => new(action, "Therapist", therapistId.ToString(), null);
}

/// <summary>A licence or certification lapsed or lapsing within the warning window, for managers.</summary>
internal sealed record CredentialWarning(Guid TherapistId, string TherapistName, CredentialKind Kind, string Title, DateOnly ExpiresOn, bool Lapsed);

/// <summary>A therapist's profile as the manager edits it.</summary>
internal sealed record TherapistProfileView(TherapistSummary Therapist, string Bio, string? PhotoPath, IReadOnlyList<TherapistCredential> Credentials, DateOnly Today);

internal sealed record GetTherapistProfile(Guid TherapistId) : IQuery<TherapistProfileView>;

/// <summary>The managers' warnings about credentials, soonest first.</summary>
internal sealed record GetCredentialWarnings : IQuery<IReadOnlyList<CredentialWarning>>;

/// <summary>A therapist's photo and its content type; null when the therapist has none (or is not one of the clinic's).</summary>
internal sealed record GetTherapistPhoto(Guid TherapistId) : IQuery<(byte[] Bytes, string ContentType)?>;

internal static class TherapistPhotoPaths
{
    /// <summary>The photo's address; the version (its last change) lets browsers keep it until it changes.</summary>
    public static string? Of(Guid therapistId, bool hasPhoto, DateTime updatedAt) =>
        hasPhoto ? $"/therapists/{therapistId}/photo?v={updatedAt.Ticks}" : null;
}

internal sealed class TherapistProfileQueries(SchedulingDbContext db, ITherapistDirectory directory, ClinicCalendar calendar) :
    IRequestHandler<GetTherapistProfile, TherapistProfileView>,
    IRequestHandler<GetCredentialWarnings, IReadOnlyList<CredentialWarning>>,
    IRequestHandler<GetTherapistPhoto, (byte[] Bytes, string ContentType)?>,
    IRequestHandler<GetTherapistProfiles, IReadOnlyList<TherapistProfileCard>>
{
    public async Task<TherapistProfileView> Handle(GetTherapistProfile request, CancellationToken cancellationToken)
    {
        var therapist = await directory.FindAsync(request.TherapistId, cancellationToken) ?? throw new NotFoundException("Therapist", request.TherapistId);
        var profile = await Summaries(db.TherapistProfiles.Where(p => p.TherapistId == request.TherapistId)).SingleOrDefaultAsync(cancellationToken);
        var credentials = await db.TherapistCredentials.AsNoTracking().Where(c => c.TherapistId == request.TherapistId).OrderBy(c => c.ExpiresOn).ToListAsync(cancellationToken);
        return new TherapistProfileView(therapist, profile?.Bio ?? "", profile?.PhotoPath, credentials, calendar.Today);
    }

    public async Task<IReadOnlyList<CredentialWarning>> Handle(GetCredentialWarnings request, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var horizon = Credentials.WarningHorizon(today);
        var names = (await directory.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.DisplayName);
        var due = await db.TherapistCredentials.AsNoTracking().Where(c => c.ExpiresOn <= horizon).OrderBy(c => c.ExpiresOn).ToListAsync(cancellationToken);
        // A former therapist's credentials (the account left the role) warn nobody.
        return due.Where(c => names.ContainsKey(c.TherapistId))
            .Select(c => new CredentialWarning(c.TherapistId, names[c.TherapistId], c.Kind, c.Title, c.ExpiresOn, Credentials.HasLapsed(c, today)))
            .ToList();
    }

    public async Task<(byte[] Bytes, string ContentType)?> Handle(GetTherapistPhoto request, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(request.TherapistId, cancellationToken) is null)
        {
            return null;
        }

        var photo = await db.TherapistProfiles.AsNoTracking().Where(p => p.TherapistId == request.TherapistId && p.Photo != null)
            .Select(p => new { p.Photo, p.PhotoContentType }).SingleOrDefaultAsync(cancellationToken);
        return photo is null ? null : (photo.Photo!, photo.PhotoContentType!);
    }

    public async Task<IReadOnlyList<TherapistProfileCard>> Handle(GetTherapistProfiles request, CancellationToken cancellationToken)
    {
        var therapists = (await directory.ListAsync(cancellationToken))
            .Where(t => request.IncludeDeactivated || t.Bookability != TherapistBookability.AccountDeactivated).ToList();
        var ids = therapists.Select(t => t.Id).ToList();
        var profiles = await Summaries(db.TherapistProfiles.Where(p => ids.Contains(p.TherapistId))).ToDictionaryAsync(p => p.TherapistId, cancellationToken);
        return therapists.Select(t =>
        {
            var profile = profiles.GetValueOrDefault(t.Id);
            return new TherapistProfileCard(t.Id, t.DisplayName, profile?.Bio ?? "", profile?.PhotoPath, t.MayBeBooked);
        }).ToList();
    }

    /// <summary>Profiles without their photos' bytes (only whether there is one, for its address).</summary>
    private static IQueryable<ProfileSummary> Summaries(IQueryable<TherapistProfile> profiles) =>
        profiles.AsNoTracking().Select(p => new ProfileSummary(p.TherapistId, p.Bio, p.Photo != null, p.UpdatedAt));

    private sealed record ProfileSummary(Guid TherapistId, string Bio, bool HasPhoto, DateTime UpdatedAt)
    {
        public string? PhotoPath => TherapistPhotoPaths.Of(TherapistId, HasPhoto, UpdatedAt);
    }
}

/// <summary>Sets a therapist's biography (empty clears it).</summary>
internal sealed record SaveTherapistBio(Guid TherapistId, string? Bio) : ICommand, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit response) => TherapistAudit.Subject(TherapistAudit.ProfileChanged, TherapistId);
}

internal sealed class SaveTherapistBioValidator : AbstractValidator<SaveTherapistBio>
{
    public SaveTherapistBioValidator() =>
        RuleFor(c => c.Bio).MaximumLength(TherapistProfile.MaxBioLength).WithMessage($"Keep the biography to {TherapistProfile.MaxBioLength} characters or fewer.");
}

/// <summary>Sets a therapist's photo from an uploaded file's bytes, or removes it (<see cref="Bytes"/> null).</summary>
internal sealed record SetTherapistPhoto(Guid TherapistId, byte[]? Bytes) : ICommand, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit response) => TherapistAudit.Subject(TherapistAudit.ProfileChanged, TherapistId);
}

internal sealed class SetTherapistPhotoValidator : AbstractValidator<SetTherapistPhoto>
{
    public SetTherapistPhotoValidator()
    {
        RuleFor(c => c.Bytes!).Cascade(CascadeMode.Stop)
            .Must(b => b.Length > 0).WithMessage("The file is empty: choose a photo.")
            .Must(b => b.Length <= ProfilePhotos.MaxBytes).WithMessage($"The photo is larger than {ProfilePhotos.MaxBytes / 1024 / 1024} MB: choose a smaller one.")
            .Must(b => ProfilePhotos.ContentTypeOf(b) is not null).WithMessage("The file is not a PNG, JPEG or WebP image.")
            .When(c => c.Bytes is not null)
            .OverridePropertyName("Photo");
    }
}

internal sealed record AddTherapistCredential(Guid TherapistId, CredentialKind? Kind, string? Title, string? Number, string? Issuer, DateOnly? ExpiresOn)
    : ICommand<Guid>, IAuditedRequest<Guid>
{
    public AuditSubject DescribeAudit(Guid response) => TherapistAudit.Subject(TherapistAudit.CredentialAdded, TherapistId);
}

internal sealed class AddTherapistCredentialValidator : AbstractValidator<AddTherapistCredential>
{
    public AddTherapistCredentialValidator()
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Choose licence or certification.")
            .Must(k => k is null || Enum.IsDefined(k.Value)).WithMessage("Choose licence or certification.");
        RuleFor(c => c.Title).NotEmpty().WithMessage("Say what it is, e.g. \"Massage therapy licence\".")
            .MaximumLength(TherapistCredential.TitleLength).WithMessage($"Shorten it to {TherapistCredential.TitleLength} characters or fewer.");
        RuleFor(c => c.Number).NotEmpty().WithMessage("Enter the number.")
            .MaximumLength(TherapistCredential.NumberLength).WithMessage($"Shorten the number to {TherapistCredential.NumberLength} characters or fewer.");
        RuleFor(c => c.Issuer).NotEmpty().WithMessage("Enter who issued it.")
            .MaximumLength(TherapistCredential.TitleLength).WithMessage($"Shorten it to {TherapistCredential.TitleLength} characters or fewer.");
        RuleFor(c => c.ExpiresOn).NotNull().WithMessage("Enter the expiry date.");
    }
}

internal sealed record RemoveTherapistCredential(Guid TherapistId, Guid CredentialId) : ICommand, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit response) => TherapistAudit.Subject(TherapistAudit.CredentialRemoved, TherapistId);
}

internal sealed class TherapistProfileCommands(SchedulingDbContext db, ITherapistDirectory directory, ClinicCalendar calendar) :
    IRequestHandler<SaveTherapistBio, Unit>,
    IRequestHandler<SetTherapistPhoto, Unit>,
    IRequestHandler<AddTherapistCredential, Guid>,
    IRequestHandler<RemoveTherapistCredential, Unit>
{
    public async Task<Unit> Handle(SaveTherapistBio request, CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(request.TherapistId, cancellationToken);
        profile.Bio = request.Bio?.Trim() ?? "";
        return Unit.Value;
    }

    public async Task<Unit> Handle(SetTherapistPhoto request, CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(request.TherapistId, cancellationToken);
        profile.Photo = request.Bytes;
        profile.PhotoContentType = request.Bytes is null ? null : ProfilePhotos.ContentTypeOf(request.Bytes);
        return Unit.Value;
    }

    public async Task<Guid> Handle(AddTherapistCredential request, CancellationToken cancellationToken)
    {
        await EnsureTherapistAsync(request.TherapistId, cancellationToken);
        var credential = new TherapistCredential
        {
            Id = Guid.CreateVersion7(), TherapistId = request.TherapistId, Kind = request.Kind!.Value, Title = request.Title!.Trim(),
            Number = request.Number!.Trim(), Issuer = request.Issuer!.Trim(), ExpiresOn = request.ExpiresOn!.Value,
        };
        db.TherapistCredentials.Add(credential);
        return credential.Id;
    }

    public async Task<Unit> Handle(RemoveTherapistCredential request, CancellationToken cancellationToken)
    {
        var credential = await db.TherapistCredentials.SingleOrDefaultAsync(c => c.Id == request.CredentialId && c.TherapistId == request.TherapistId, cancellationToken)
            ?? throw new NotFoundException("Credential", request.CredentialId);
        db.TherapistCredentials.Remove(credential);
        return Unit.Value;
    }

    private async Task EnsureTherapistAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        _ = await directory.FindAsync(therapistId, cancellationToken) ?? throw new NotFoundException("Therapist", therapistId);
    }

    /// <summary>The therapist's profile, made on its first edit; its change time versions the photo's address.</summary>
    private async Task<TherapistProfile> ProfileAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        await EnsureTherapistAsync(therapistId, cancellationToken);
        var profile = await db.TherapistProfiles.SingleOrDefaultAsync(p => p.TherapistId == therapistId, cancellationToken);
        if (profile is null)
        {
            profile = new TherapistProfile { TherapistId = therapistId };
            db.TherapistProfiles.Add(profile);
        }

        profile.UpdatedAt = calendar.UtcNow;
        return profile;
    }
}

/// <summary>For managers on the home page: licences and certifications lapsed or lapsing within the warning window.</summary>
internal sealed class TherapistCredentialsDashboard(SchedulingDbContext db, ICurrentUser currentUser, ClinicCalendar calendar) : IHomeDashboardContributor
{
    public const string Label = "Licences and certifications expiring";

    public async Task<IReadOnlyList<DashboardCount>> CountsAsync(CancellationToken cancellationToken)
    {
        if (currentUser.Role != SharedKernel.Identity.PracticeRole.Manager)
        {
            return [];
        }

        var horizon = Credentials.WarningHorizon(calendar.Today);
        return [new DashboardCount(Label, await db.TherapistCredentials.CountAsync(c => c.ExpiresOn <= horizon, cancellationToken), TherapistPages.List, 800)];
    }
}

internal static class TherapistPages
{
    public const string List = "/Calendar/Settings/Therapists";

    public static string Of(Guid therapistId) => $"{List}/{therapistId}";
}
