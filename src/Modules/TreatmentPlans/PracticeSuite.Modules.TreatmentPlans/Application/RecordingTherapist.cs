using MediatR;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Modules.TreatmentPlans.Application;

/// <summary>
/// Whose name an assessment or plan goes under: a therapist's own; for a manager (who may not treat), the client's
/// preferred therapist on the care team.
/// </summary>
internal sealed class RecordingTherapist(ICurrentUser user, IMediator mediator)
{
    public async Task<Guid> ForClientAsync(Guid clientId, CancellationToken cancellationToken)
    {
        if (user.Role == PracticeRole.Therapist && user.TherapistId is { } own)
        {
            return own;
        }

        var team = await mediator.Send(new GetCareTeam(clientId), cancellationToken);
        return team.PreferredTherapistId
            ?? throw new BusinessRuleException("client.no-therapist", "The client has no therapist on their care team: add one on the client's record first.");
    }
}
