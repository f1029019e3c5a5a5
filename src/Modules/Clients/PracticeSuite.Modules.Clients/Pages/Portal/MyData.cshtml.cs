using MediatR;
using PracticeSuite.Modules.Clients.Features.Privacy;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Pages.Portal;

public sealed class MyDataModel(IMediator mediator, ICurrentUser user) : PortalPageModel(user)
{
    internal PrintableDocument Export { get; private set; } = null!;

    public Guid ClientId => OwnClientId;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Export = await mediator.Send(new ReadClientExport(OwnClientId), cancellationToken);
}
