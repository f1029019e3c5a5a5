using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Application;

/// <summary>
/// The clinic's therapists for every module: the platform's therapist accounts (who they are, whether a manager
/// deactivated one), judged bookable here from their licences on the clinic's date.
/// </summary>
internal sealed class SchedulingTherapistDirectory(ITherapistAccounts accounts, SchedulingDbContext db, ClinicCalendar calendar) : ITherapistDirectory
{
    public async Task<IReadOnlyList<TherapistSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var therapists = await accounts.ListAsync(cancellationToken);
        var licences = await db.TherapistCredentials.AsNoTracking().Where(c => c.Kind == CredentialKind.Licence).ToListAsync(cancellationToken);
        return therapists.Select(t => Summarise(t, licences.Where(l => l.TherapistId == t.TherapistId))).ToList();
    }

    public async Task<TherapistSummary?> FindAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        if ((await accounts.ListAsync(cancellationToken)).FirstOrDefault(t => t.TherapistId == therapistId) is not { } therapist)
        {
            return null;
        }

        var licences = await db.TherapistCredentials.AsNoTracking().Where(c => c.TherapistId == therapistId && c.Kind == CredentialKind.Licence).ToListAsync(cancellationToken);
        return Summarise(therapist, licences);
    }

    private TherapistSummary Summarise(TherapistAccount account, IEnumerable<TherapistCredential> licences) =>
        new(account.TherapistId, account.DisplayName,
            account.Deactivated ? TherapistBookability.AccountDeactivated
            : Credentials.LicenceLapsed(licences, calendar.Today) ? TherapistBookability.LicenceLapsed
            : TherapistBookability.Bookable);
}
