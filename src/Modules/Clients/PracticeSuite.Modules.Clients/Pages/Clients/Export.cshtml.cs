using MediatR;
using PracticeSuite.Modules.Clients.Features.Privacy;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class ExportModel(IMediator mediator) : ClientsPageModel
{
    internal ClientHeader Header { get; private set; } = null!;

    internal ClientExport Export { get; private set; } = null!;

    public async Task OnGetAsync(Guid clientId, CancellationToken cancellationToken)
    {
        Header = await ClientHeader.LoadAsync(mediator, Access, clientId, "export", cancellationToken);
        Export = await mediator.Send(new ExportClientData(clientId), cancellationToken);
    }
}
