using FluentValidation;
using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Records;

/// <param name="ConfirmedNotDuplicate">The caller saw the likely duplicates and registers a new client anyway.</param>
internal sealed record RegisterClient : ClientDetailsInput, ICommand<Guid>, IAuditedRequest<Guid>
{
    public AuditSubject DescribeAudit(Guid clientId) => ClientAudit.OnRecord(ClientAudit.Registered, clientId);

    public bool ConfirmedNotDuplicate { get; init; }
}

internal sealed class RegisterClientValidator(ClinicCalendar calendar) : ClientDetailsValidator<RegisterClient>(calendar);

internal sealed class RegisterClientHandler(ClientsDbContext db, ClinicCalendar calendar, IMediator mediator, ICurrentUser caller) : IRequestHandler<RegisterClient, Guid>
{
    public async Task<Guid> Handle(RegisterClient request, CancellationToken cancellationToken)
    {
        if (!request.ConfirmedNotDuplicate)
        {
            var duplicates = await mediator.Send(new FindLikelyDuplicates(request.Email, request.GivenName, request.FamilyName, request.DateOfBirth), cancellationToken);
            if (duplicates.Any)
            {
                // Whether the caller may open them or not, nothing about them but that they exist.
                throw new BusinessRuleException("client.likely-duplicate",
                    "A client with the same e-mail, or the same name and date of birth, is already registered. Check the likely duplicates, then confirm this is a different person.");
            }
        }

        var client = Client.Register(Guid.CreateVersion7(), request.ToDetails(), calendar.UtcNow);
        if (caller is { Role: PracticeRole.Therapist, TherapistId: { } therapistId })
        {
            // A therapist registers the walk-in they are about to treat: without joining the care team they could
            // not open the record they have just created.
            client.SetCareTeam([therapistId], CareTeamEditor.Clinic);
        }

        db.Clients.Add(client);
        db.EnqueueIntegrationEvent(new ClientRegistered(client.Id));
        return client.Id;
    }
}
