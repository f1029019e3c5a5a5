using MediatR;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Consent;

public sealed record GetConsentStatus(Guid ClientId) : IQuery<ConsentStatus>, IClientRecordRequest;

public sealed class GetConsentStatusHandler(ClientsDbContext db) : IRequestHandler<GetConsentStatus, ConsentStatus>
{
    public async Task<ConsentStatus> Handle(GetConsentStatus request, CancellationToken cancellationToken)
    {
        return await ConsentQueries.StatusAsync(db, request.ClientId, cancellationToken);
    }
}
