using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Features.Privacy;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class ExportModel(IMediator mediator, ClientAccess access) : ClientsPageModel
{
    public ClientHeader Header { get; private set; } = null!;

    public ClientExport Export { get; private set; } = null!;

    public async Task OnGetAsync(Guid clientId, CancellationToken cancellationToken)
    {
        Header = await ClientHeader.LoadAsync(mediator, access, clientId, "export", cancellationToken);
        Export = await mediator.Send(new ExportClientData(clientId), cancellationToken);
    }
}
