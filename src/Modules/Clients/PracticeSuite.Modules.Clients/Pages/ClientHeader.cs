using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Pages;

/// <summary>What the header of a staff view of one client shows (see <c>_ClientHeader</c>).</summary>
internal sealed record ClientHeader(Guid ClientId, string DisplayName, bool Archived, TreatmentEligibility Eligibility, string Current, bool IsManager, bool IsClinician)
{
    public static async Task<ClientHeader> LoadAsync(IMediator mediator, ClientAccess access, Guid clientId, string current, CancellationToken cancellationToken)
    {
        var summary = await mediator.Send(new GetClientSummary(clientId), cancellationToken);
        var eligibility = await mediator.Send(new GetTreatmentEligibility(clientId), cancellationToken);
        return new ClientHeader(clientId, summary.DisplayName, summary.Archived, eligibility, current, access.IsManager, access.IsClinician);
    }
}
