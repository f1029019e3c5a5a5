using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Records;

internal sealed record ArchiveClient(Guid ClientId) : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.Archived, ClientId);
}

internal sealed class ArchiveClientHandler(ClientsDbContext db, ClientAccess access, ClinicCalendar calendar, IAccounts accounts) : IRequestHandler<ArchiveClient, Unit>
{
    public async Task<Unit> Handle(ArchiveClient request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        if (!client.IsArchived)
        {
            client.Archive(calendar.UtcNow);
            db.EnqueueIntegrationEvent(new ClientArchived(client.Id));
            // An invitation sent before the archive must not open the portal of a record the clinic has closed.
            await accounts.WithdrawClientInvitationsAsync(client.Id, cancellationToken);
        }

        return Unit.Value;
    }
}
