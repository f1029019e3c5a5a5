using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Privacy;

/// <summary>The client's audit timeline (clinicians who may see the client): changes, and views too when asked.</summary>
internal sealed record GetClientHistory(Guid ClientId, bool IncludeViews = false, int Limit = 200)
    : IQuery<IReadOnlyList<AuditTimelineEntry>>, IClientRecordRequest, IAuditedRequest<IReadOnlyList<AuditTimelineEntry>>
{
    public AuditSubject DescribeAudit(IReadOnlyList<AuditTimelineEntry> _) => new(ClientAudit.HistoryRead, ClientAudit.History, ClientId.ToString(), ClientId);
}

internal sealed class GetClientHistoryHandler(IAuditTimeline timeline) : IRequestHandler<GetClientHistory, IReadOnlyList<AuditTimelineEntry>>
{
    public async Task<IReadOnlyList<AuditTimelineEntry>> Handle(GetClientHistory request, CancellationToken cancellationToken)
    {
        return await timeline.ForClientAsync(request.ClientId, request.IncludeViews, Math.Clamp(request.Limit, 1, 1000), cancellationToken);
    }
}
