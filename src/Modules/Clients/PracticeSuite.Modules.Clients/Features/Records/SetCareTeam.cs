using FluentValidation;
using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Records;

/// <summary>Sets who treats the client, preferred therapist first. Staff only.</summary>
internal sealed record SetCareTeam : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.CareTeamSet, ClientId);

    public Guid ClientId { get; init; }

    /// <summary>The whole team, preferred first. Required: an empty list clears the team, a missing one is an error.</summary>
    public List<Guid>? TherapistIds { get; init; }
}

internal sealed class SetCareTeamValidator : AbstractValidator<SetCareTeam>
{
    public const int MaxTeamSize = 10;

    // Whether each therapist exists is checked by the handler: validators are single instances and must not
    // hold on to the host's (possibly scoped) therapist directory.
    public SetCareTeamValidator()
    {
        RuleFor(c => c.TherapistIds).NotNull().WithMessage("List the care team's therapists (an empty list clears the team).");
        RuleFor(c => c.TherapistIds!)
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("A therapist can be on the care team only once.")
            .Must(ids => ids.Count <= MaxTeamSize).WithMessage($"A care team has at most {MaxTeamSize} therapists.")
            .When(c => c.TherapistIds is not null);
    }
}

internal sealed class SetCareTeamHandler(ClientsDbContext db, ClientAccess access, ITherapistDirectory therapists) : IRequestHandler<SetCareTeam, Unit>
{
    public async Task<Unit> Handle(SetCareTeam request, CancellationToken cancellationToken)
    {
        var therapistIds = request.TherapistIds ?? [];
        for (var index = 0; index < therapistIds.Count; index++)
        {
            if (await therapists.FindAsync(therapistIds[index], cancellationToken) is null)
            {
                throw RequestValidationException.For($"TherapistIds[{index}]", "Choose a therapist of this clinic.");
            }
        }

        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        client.SetCareTeam(therapistIds);
        db.EnqueueIntegrationEvent(new ClientDetailsChanged(client.Id));
        return Unit.Value;
    }
}
