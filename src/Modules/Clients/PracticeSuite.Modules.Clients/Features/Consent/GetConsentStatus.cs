using MediatR;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Consent;

internal sealed record GetConsentStatus(Guid ClientId) : IQuery<ConsentStatus>, IClientRecordRequest;

internal sealed class GetConsentStatusHandler(ClientsDbContext db) : IRequestHandler<GetConsentStatus, ConsentStatus>
{
    public async Task<ConsentStatus> Handle(GetConsentStatus request, CancellationToken cancellationToken)
    {
        return await ConsentQueries.StatusAsync(db, request.ClientId, cancellationToken);
    }
}
