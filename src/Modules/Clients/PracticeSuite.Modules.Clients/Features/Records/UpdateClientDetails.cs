using FluentValidation;
using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Records;

internal sealed record UpdateClientDetails : ClientDetailsInput, ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.DetailsUpdated, ClientId);

    public Guid ClientId { get; init; }
}

internal sealed class UpdateClientDetailsValidator(ClinicCalendar calendar) : ClientDetailsValidator<UpdateClientDetails>(calendar);

internal sealed class UpdateClientDetailsHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<UpdateClientDetails, Unit>
{
    public async Task<Unit> Handle(UpdateClientDetails request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        client.UpdateDetails(request.ToDetails());
        db.EnqueueIntegrationEvent(new ClientDetailsChanged(client.Id));
        return Unit.Value;
    }
}
