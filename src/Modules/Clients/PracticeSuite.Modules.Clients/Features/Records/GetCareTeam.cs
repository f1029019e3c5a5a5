using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Features.Records;

internal sealed class GetCareTeamHandler(ClientAccess access) : IRequestHandler<GetCareTeam, CareTeam>
{
    public async Task<CareTeam> Handle(GetCareTeam request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        return new CareTeam(client.Id, client.CareTeam.OrderBy(m => m.Position).Select(m => m.TherapistId).ToList());
    }
}
