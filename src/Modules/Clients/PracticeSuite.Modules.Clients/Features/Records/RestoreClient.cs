using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Records;

internal sealed record RestoreClient(Guid ClientId) : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.Restored, ClientId);
}

internal sealed class RestoreClientHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<RestoreClient, Unit>
{
    public async Task<Unit> Handle(RestoreClient request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        if (client.IsArchived)
        {
            client.Restore();
            db.EnqueueIntegrationEvent(new ClientRestored(client.Id));
        }

        return Unit.Value;
    }
}
