using FluentValidation;
using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Records;

/// <summary>
/// Sets who treats the client, preferred therapist first. Staff only; a therapist only on a team they are on, and the
/// managers are e-mailed when a therapist adds a colleague.
/// </summary>
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

internal sealed class SetCareTeamHandler(ClientsDbContext db, ClientAccess access, ITherapistDirectory therapists, IAccounts accounts)
    : IRequestHandler<SetCareTeam, Unit>
{
    public const string NoticeKind = "care-team-changed";

    public async Task<Unit> Handle(SetCareTeam request, CancellationToken cancellationToken)
    {
        var therapistIds = request.TherapistIds ?? [];
        var names = new Dictionary<Guid, string>();
        for (var index = 0; index < therapistIds.Count; index++)
        {
            var therapist = await therapists.FindAsync(therapistIds[index], cancellationToken)
                ?? throw RequestValidationException.For($"TherapistIds[{index}]", "Choose a therapist of this clinic.");
            names[therapist.Id] = therapist.DisplayName;
        }

        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        var editor = access.CareTeamEditor();
        var change = client.SetCareTeam(therapistIds, editor);
        db.EnqueueIntegrationEvent(new ClientDetailsChanged(client.Id));
        if (change.ManagersToBeTold)
        {
            // The record's link names the client; its name and anything clinical stay out of the mailbox.
            var by = editor.TherapistId is { } self && names.TryGetValue(self, out var name) ? name : "A therapist";
            await accounts.TellManagersAsync(new ManagerNotice(
                "A therapist added a colleague to a care team",
                $"{by} added {string.Join(", ", change.Added.Select(id => names[id]))} to a client's care team. Open the record to review it:",
                $"/Clients/{client.Id}",
                NoticeKind,
                $"{NoticeKind}:{client.Id}:{Guid.CreateVersion7()}"), cancellationToken);
        }

        return Unit.Value;
    }
}
