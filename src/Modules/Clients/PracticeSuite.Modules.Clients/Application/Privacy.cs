using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Application;

public sealed record ExportSection(string Name, JsonElement Data);

public sealed record ClientExport(Guid ClientId, DateTime ExportedAt, IReadOnlyList<ExportSection> Sections);

/// <summary>Everything PracticeSuite holds about one client, from every module (manager, or the client themself).</summary>
public sealed record ExportClientData(Guid ClientId) : IQuery<ClientExport>, IClientRecordRequest, IAuditedRequest<ClientExport>
{
    public AuditSubject DescribeAudit(ClientExport _) => ClientAudit.OnRecord(ClientAudit.RecordExported, ClientId);
}

public sealed class ExportClientDataHandler(ClientAccess access, IEnumerable<IPersonalDataSection> sections, ClinicCalendar calendar)
    : IRequestHandler<ExportClientData, ClientExport>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<ClientExport> Handle(ExportClientData request, CancellationToken cancellationToken)
    {
        await access.EnsureSelfAsync(request.ClientId, orManager: true, cancellationToken);
        var exported = new List<ExportSection>();
        foreach (var section in sections.OrderBy(s => s.SectionName, StringComparer.Ordinal))
        {
            if (await section.ExportAsync(request.ClientId, cancellationToken) is { } data)
            {
                exported.Add(new ExportSection(section.SectionName, JsonSerializer.SerializeToElement(data, data.GetType(), Json)));
            }
        }

        return new ClientExport(request.ClientId, calendar.UtcNow, exported);
    }
}

/// <summary>This module's part of the export: the record, preferences, care team, intakes, consent and flags.</summary>
public sealed class ClientsPersonalDataSection(ClientsDbContext db) : IPersonalDataSection
{
    public string SectionName => "Client record";

    public async Task<object?> ExportAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().Include(c => c.CareTeam).Include(c => c.ContactPreferences).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return null;
        }

        var intakes = await db.Intakes.AsNoTracking().Where(i => i.ClientId == clientId).OrderBy(i => i.Version).ToListAsync(cancellationToken);
        var signatures = await db.ConsentSignatures.AsNoTracking().Where(s => s.ClientId == clientId).OrderBy(s => s.SignedAt).ToListAsync(cancellationToken);
        var flags = await db.Flags.AsNoTracking().Where(f => f.ClientId == clientId).OrderBy(f => f.RaisedAt).ToListAsync(cancellationToken);
        return new
        {
            Details = new
            {
                client.Id,
                client.GivenName,
                client.FamilyName,
                client.DateOfBirth,
                client.Email,
                client.Phone,
                client.Address,
                client.EmergencyContactName,
                client.EmergencyContactPhone,
                client.TimeZone,
                PressurePreference = client.PressurePreference.ToString(),
                client.PainThresholdNotes,
                client.RegisteredAt,
                client.ArchivedAt,
                client.ErasedAt,
                HasPortalAccount = client.PortalUserId is not null,
            },
            ContactPreferences = client.ContactPreferences.Select(p => new { Kind = p.Kind.ToString(), Channel = p.Channel.ToString(), p.Allowed }),
            CareTeam = client.CareTeam.OrderBy(m => m.Position).Select(m => new { m.TherapistId, Preferred = m.Position == 0 }),
            Intakes = intakes.Select(i => new { i.Version, i.SubmittedAt, i.SubmittedByStaff, Answers = IntakeJson.Read(i.AnswersJson) }),
            ConsentSignatures = signatures.Select(s => new { s.ConsentVersion, s.TypedName, s.SignedAt, s.IpAddress }),
            ScreeningFlags = flags.Select(f => new
            {
                Kind = f.Kind.ToString(),
                f.Reason,
                BodyAreas = f.BodyAreaCodes.Select(code => BodyAreas.Find(code)?.Name ?? code),
                f.Day,
                f.RaisedAt,
                f.ResolvedAt,
                Clearance = f.ClearanceOutcome is null
                    ? null
                    : new { f.ClearancePhysician, f.ClearedOn, Outcome = f.ClearanceOutcome.ToString(), f.ClearanceExpiresOn, f.ClearanceNotes },
            }),
        };
    }
}

/// <summary>
/// Erases a client on request (manager): personal and health data removed, the record kept as an anonymous
/// shell so other modules' records (e.g. invoices the law requires) still join; the portal account and
/// e-mail log go through the platform; other modules hear of it through the erased event.
/// </summary>
public sealed record EraseClient : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => ClientAudit.OnRecord(ClientAudit.RecordErased, ClientId);

    public Guid ClientId { get; init; }

    /// <summary>The manager ticked "I understand this cannot be undone".</summary>
    public bool Confirmed { get; init; }
}

public sealed class EraseClientValidator : AbstractValidator<EraseClient>
{
    public EraseClientValidator()
    {
        RuleFor(c => c.Confirmed).Equal(true).WithMessage("Confirm that the client asked to be erased and that this cannot be undone.");
    }
}

public sealed class EraseClientHandler(ClientsDbContext db, ClientAccess access, ClinicCalendar calendar, IAccounts accounts)
    : IRequestHandler<EraseClient, Unit>
{
    public async Task<Unit> Handle(EraseClient request, CancellationToken cancellationToken)
    {
        var client = await access.GetForUpdateAsync(request.ClientId, cancellationToken);
        if (client.IsErased)
        {
            throw new BusinessRuleException("client.erased", "This client was already erased.");
        }

        client.Erase(calendar.UtcNow);
        await db.Intakes.Where(i => i.ClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Flags.Where(f => f.ClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
        foreach (var signature in await db.ConsentSignatures.Where(s => s.ClientId == client.Id).ToListAsync(cancellationToken))
        {
            signature.Anonymise();
        }

        db.EnqueueIntegrationEvent(new ClientErased(client.Id));

        // Last, so a failure above leaves the account in place; the platform's erasure is idempotent, so a retry is safe.
        await accounts.EraseClientAccountAsync(client.Id, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The client's audit timeline (clinicians who may see the client): changes, and views too when asked.</summary>
public sealed record GetClientHistory(Guid ClientId, bool IncludeViews = false, int Limit = 200)
    : IQuery<IReadOnlyList<AuditTimelineEntry>>, IClientRecordRequest, IAuditedRequest<IReadOnlyList<AuditTimelineEntry>>
{
    public AuditSubject DescribeAudit(IReadOnlyList<AuditTimelineEntry> _) => new(ClientAudit.HistoryRead, ClientAudit.History, ClientId.ToString(), ClientId);
}

public sealed class GetClientHistoryHandler(IAuditTimeline timeline) : IRequestHandler<GetClientHistory, IReadOnlyList<AuditTimelineEntry>>
{
    public async Task<IReadOnlyList<AuditTimelineEntry>> Handle(GetClientHistory request, CancellationToken cancellationToken)
    {
        return await timeline.ForClientAsync(request.ClientId, request.IncludeViews, Math.Clamp(request.Limit, 1, 1000), cancellationToken);
    }
}
