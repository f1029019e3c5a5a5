using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Therapists;

/// <summary>The accounts in the Therapist role (an invited therapist included: they can be booked before first sign-in).</summary>
internal sealed class TherapistAccounts(AccountsDbContext db) : ITherapistAccounts
{
    public async Task<IReadOnlyList<TherapistAccount>> ListAsync(CancellationToken cancellationToken) =>
        await (from user in db.Users.AsNoTracking()
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == nameof(PracticeRole.Therapist) && user.TherapistId != null
               orderby user.DisplayName
               select new TherapistAccount(user.TherapistId!.Value, user.DisplayName, user.DeactivatedAt != null))
            .ToListAsync(cancellationToken);
}

/// <summary>
/// The directory when no module keeps therapists' credentials (Scheduling off): the therapist accounts, bookability
/// unknown unless the account is deactivated. The Scheduling module's directory replaces this one.
/// </summary>
internal sealed class AccountsTherapistDirectory(ITherapistAccounts accounts) : ITherapistDirectory
{
    public async Task<IReadOnlyList<TherapistSummary>> ListAsync(CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken)).Select(Summarise).ToList();

    public async Task<TherapistSummary?> FindAsync(Guid therapistId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == therapistId);

    private static TherapistSummary Summarise(TherapistAccount account) =>
        new(account.TherapistId, account.DisplayName, account.Deactivated ? TherapistBookability.AccountDeactivated : TherapistBookability.Unknown);
}
