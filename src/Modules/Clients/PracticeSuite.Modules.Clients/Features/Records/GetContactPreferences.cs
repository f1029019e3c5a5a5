using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Features.Records;

internal sealed class GetContactPreferencesHandler(ClientAccess access) : IRequestHandler<GetContactPreferences, ContactPreferences>
{
    public async Task<ContactPreferences> Handle(GetContactPreferences request, CancellationToken cancellationToken)
    {
        var client = await access.GetAsync(request.ClientId, cancellationToken);
        return new ContactPreferences(client.Id, client.Email, client.Phone, GetClientRecordHandler.ContactPreferencesOf(client));
    }
}
