using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class HistoryModel(IMediator mediator, ClientAccess access) : ClientsPageModel
{
    public ClientHeader Header { get; private set; } = null!;

    public IReadOnlyList<AuditTimelineEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(Guid clientId, CancellationToken cancellationToken)
    {
        Header = await ClientHeader.LoadAsync(mediator, access, clientId, "history", cancellationToken);
        Entries = await mediator.Send(new GetClientHistory(clientId), cancellationToken);
    }
}
