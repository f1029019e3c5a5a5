using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Platform.Therapists;

/// <summary>The clinic's therapists for other modules, and the expiry warnings for managers.</summary>
/// <remarks>A licence lapses after its expiry date in the clinic's calendar, not UTC's: the day the clinic sees.</remarks>
internal sealed class TherapistDirectory(AccountsDbContext db, ClinicCalendar calendar) : ITherapistDirectory
{
    /// <summary>How far ahead a manager is warned about an expiring licence or certification.</summary>
    public const int WarningDays = 30;

    private DateOnly Today => calendar.Today;

    public async Task<IReadOnlyList<TherapistSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var profiles = await db.Therapists.AsNoTracking().Include(t => t.Credentials).OrderBy(t => t.DisplayName).ToListAsync(cancellationToken);
        var deactivated = await DeactivatedAsync(cancellationToken);
        return profiles.Select(p => Summarise(p, deactivated)).ToList();
    }

    public async Task<TherapistSummary?> FindAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        var profile = await db.Therapists.AsNoTracking().Include(t => t.Credentials).SingleOrDefaultAsync(t => t.Id == therapistId, cancellationToken);
        return profile is null ? null : Summarise(profile, await DeactivatedAsync(cancellationToken));
    }

    /// <summary>The profiles whose account a manager has deactivated: they are not booked until it is reactivated.</summary>
    public async Task<IReadOnlySet<Guid>> DeactivatedAsync(CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => u.DeactivatedAt != null && u.TherapistId != null).Select(u => u.TherapistId!.Value).ToListAsync(cancellationToken))
        .ToHashSet();

    /// <summary>Licences and certifications that have lapsed or lapse within <see cref="WarningDays"/> days.</summary>
    public async Task<IReadOnlyList<CredentialWarning>> WarningsAsync(CancellationToken cancellationToken)
    {
        var horizon = Today.AddDays(WarningDays);
        var rows = await db.TherapistCredentials.AsNoTracking()
            .Where(c => c.ExpiresOn <= horizon)
            .Join(db.Therapists, c => c.TherapistId, t => t.Id, (c, t) => new { Credential = c, t.DisplayName })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Credential.ExpiresOn)
            .Select(r => new CredentialWarning(r.Credential.TherapistId, r.DisplayName, r.Credential.Kind, r.Credential.Title, r.Credential.ExpiresOn, r.Credential.ExpiresOn < Today))
            .ToList();
    }

    public bool HasLapsed(TherapistCredential credential) => credential.ExpiresOn < Today;

    public bool LicenceLapsed(TherapistProfile profile) => profile.Credentials.Any(c => c.Kind == CredentialKind.Licence && HasLapsed(c));

    private TherapistSummary Summarise(TherapistProfile profile, IReadOnlySet<Guid> deactivated) =>
        new(profile.Id, profile.DisplayName, !LicenceLapsed(profile) && !deactivated.Contains(profile.Id));
}

/// <param name="Lapsed">True once the expiry date has passed; otherwise it lapses within the warning window.</param>
internal sealed record CredentialWarning(Guid TherapistId, string TherapistName, CredentialKind Kind, string Title, DateOnly ExpiresOn, bool Lapsed);
