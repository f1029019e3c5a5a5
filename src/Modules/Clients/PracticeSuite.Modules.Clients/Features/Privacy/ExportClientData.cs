using System.Text.Json;
using MediatR;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Privacy;

internal sealed record ExportSection(string Name, JsonElement Data);

internal sealed record ClientExport(Guid ClientId, DateTime ExportedAt, IReadOnlyList<ExportSection> Sections);

/// <summary>Everything PracticeSuite holds about one client, from every module (manager, or the client themself).</summary>
internal sealed record ExportClientData(Guid ClientId) : IQuery<ClientExport>, IClientRecordRequest, IAuditedRequest<ClientExport>
{
    public AuditSubject DescribeAudit(ClientExport _) => ClientAudit.OnRecord(ClientAudit.RecordExported, ClientId);
}

internal sealed class ExportClientDataHandler(ClientAccess access, IEnumerable<IPersonalDataSection> sections, ClinicCalendar calendar)
    : IRequestHandler<ExportClientData, ClientExport>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<ClientExport> Handle(ExportClientData request, CancellationToken cancellationToken)
    {
        await access.EnsureSelfAsync(request.ClientId, orManager: true, cancellationToken);
        return await GatherAsync(request.ClientId, sections, calendar, cancellationToken);
    }

    /// <summary>Every module's section for the client, as the page, the JSON download and the PDF show it.</summary>
    public static async Task<ClientExport> GatherAsync(Guid clientId, IEnumerable<IPersonalDataSection> sections, ClinicCalendar calendar, CancellationToken cancellationToken)
    {
        var exported = new List<ExportSection>();
        foreach (var section in sections.OrderBy(s => s.SectionName, StringComparer.Ordinal))
        {
            if (await section.ExportAsync(clientId, cancellationToken) is { } data)
            {
                exported.Add(new ExportSection(section.SectionName, JsonSerializer.SerializeToElement(data, data.GetType(), Json)));
            }
        }

        return new ClientExport(clientId, calendar.UtcNow, exported);
    }
}
