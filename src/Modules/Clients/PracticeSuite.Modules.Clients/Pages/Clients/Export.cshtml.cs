using MediatR;
using PracticeSuite.Modules.Clients.Features.Privacy;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class ExportModel(IMediator mediator) : ClientsPageModel
{
    internal ClientHeader Header { get; private set; } = null!;

    internal PrintableDocument Export { get; private set; } = null!;

    public async Task OnGetAsync(Guid clientId, CancellationToken cancellationToken)
    {
        Header = await ClientHeader.LoadAsync(mediator, Access, clientId, "export", cancellationToken);
        Export = await mediator.Send(new ReadClientExport(clientId), cancellationToken);
    }
}
