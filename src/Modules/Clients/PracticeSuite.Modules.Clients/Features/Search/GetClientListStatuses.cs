using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Search;

/// <summary>
/// Where each client on a page of the client list stands before treatment: intake answered, current consent signed,
/// flags awaiting a physician's clearance. Only clients the caller may see are answered; three small reads for the
/// whole page rather than one per row.
/// </summary>
internal sealed record GetClientListStatuses(IReadOnlyList<Guid> ClientIds) : IQuery<IReadOnlyDictionary<Guid, ClientListStatus>>;

/// <param name="FlagsAwaitingClearance">Active flags that need a physician's clearance and have none yet.</param>
internal sealed record ClientListStatus(bool HasIntake, bool SignedCurrentConsent, int FlagsAwaitingClearance);

internal sealed class GetClientListStatusesHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<GetClientListStatuses, IReadOnlyDictionary<Guid, ClientListStatus>>
{
    public async Task<IReadOnlyDictionary<Guid, ClientListStatus>> Handle(GetClientListStatuses request, CancellationToken cancellationToken)
    {
        var ids = await access.Visible().Where(c => request.ClientIds.Contains(c.Id) && c.ErasedAt == null).Select(c => c.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ClientListStatus>();
        }

        var withIntake = await db.Intakes.Where(i => ids.Contains(i.ClientId)).Select(i => i.ClientId).Distinct().ToListAsync(cancellationToken);
        var currentConsent = await db.ConsentTexts.MaxAsync(t => t.Version, cancellationToken);
        var signed = await db.ConsentSignatures.Where(s => ids.Contains(s.ClientId) && s.ConsentVersion == currentConsent)
            .Select(s => s.ClientId).Distinct().ToListAsync(cancellationToken);
        var awaiting = await db.Flags
            .Where(f => ids.Contains(f.ClientId) && f.ResolvedAt == null && f.Kind == FlagKind.RequiresPhysicianClearance && f.ClearanceOutcome == null)
            .GroupBy(f => f.ClientId).Select(g => new { ClientId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ClientId, g => g.Count, cancellationToken);
        return ids.ToDictionary(
            id => id,
            id => new ClientListStatus(withIntake.Contains(id), signed.Contains(id), awaiting.GetValueOrDefault(id)));
    }
}
