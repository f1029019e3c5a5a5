using MediatR;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Consent;

internal sealed record ConsentText(int Version, string Text, DateTime PublishedAt);

internal sealed record GetConsentText : IQuery<ConsentText>;

internal sealed class GetConsentTextHandler(ClientsDbContext db) : IRequestHandler<GetConsentText, ConsentText>
{
    public async Task<ConsentText> Handle(GetConsentText request, CancellationToken cancellationToken)
    {
        var current = await ConsentQueries.CurrentAsync(db, cancellationToken);
        return new ConsentText(current.Version, current.Text, current.PublishedAt);
    }
}
