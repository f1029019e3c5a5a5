using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Screening;

/// <summary>Every flag of a client, active first, for the staff's flag panel (including resolved ones, for the record).</summary>
internal sealed record GetClientFlags(Guid ClientId) : IQuery<IReadOnlyList<FlagDetails>>, IClientRecordRequest, IAuditedRequest<IReadOnlyList<FlagDetails>>
{
    public AuditSubject DescribeAudit(IReadOnlyList<FlagDetails> _) => new(ClientAudit.FlagsRead, ClientAudit.ScreeningFlags, ClientId.ToString(), ClientId);
}

internal sealed record FlagDetails(ScreeningFlagView Flag, bool Active, bool Lapsed, DateTime RaisedAt, int RaisedByIntakeVersion, DateTime? ResolvedAt)
{
    /// <summary>A client's flags for the panel: active first, newest first.</summary>
    public static IReadOnlyList<FlagDetails> Of(IEnumerable<Domain.ScreeningFlag> flags, DateOnly today) =>
        flags
            .Select(f => new FlagDetails(f.ToView(today), f.IsActive && !f.HasLapsed(today), f.HasLapsed(today), f.RaisedAt, f.RaisedByIntakeVersion, f.ResolvedAt))
            .OrderByDescending(f => f.Active).ThenByDescending(f => f.RaisedAt)
            .ToList();
}

internal sealed class GetClientFlagsHandler(ClientsDbContext db, ClinicCalendar calendar)
    : IRequestHandler<GetClientFlags, IReadOnlyList<FlagDetails>>
{
    public async Task<IReadOnlyList<FlagDetails>> Handle(GetClientFlags request, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var flags = await db.Flags.AsNoTracking().Where(f => f.ClientId == request.ClientId).ToListAsync(cancellationToken);
        return FlagDetails.Of(flags, today);
    }
}
