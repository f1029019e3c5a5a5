using MediatR;
using PracticeSuite.Modules.Clients.Features.Privacy;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class HistoryModel(IMediator mediator) : ClientsPageModel
{
    internal ClientHeader Header { get; private set; } = null!;

    public IReadOnlyList<AuditTimelineEntry> Entries { get; private set; } = [];

    /// <summary>Changes are shown by default; who looked at the record only when asked.</summary>
    public bool Views { get; private set; }

    public async Task OnGetAsync(Guid clientId, bool views, CancellationToken cancellationToken)
    {
        Views = views;
        Entries = await mediator.Send(new GetClientHistory(clientId, IncludeViews: views), cancellationToken);
        Header = await ClientHeader.LoadAsync(mediator, Access, clientId, "history", cancellationToken);
    }
}
