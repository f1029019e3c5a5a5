using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Features.Records;

internal sealed class GetClientSummaryHandler(ClientAccess access) : IRequestHandler<GetClientSummary, ClientSummary>
{
    public async Task<ClientSummary> Handle(GetClientSummary request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        return new ClientSummary(client.Id, client.DisplayName, client.Email, client.Phone, client.TimeZone, client.IsArchived, client.IsErased, client.PortalUserId is not null);
    }
}
