using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Application;

/// <summary>
/// What the Clients module audits, each action once: its stored code, whether it reads or changes, and its words
/// on the audit pages. Requests declare which of these they are (<see cref="IAuditedRequest{TResponse}"/>).
/// </summary>
internal static class ClientAudit
{
    public static readonly AuditAction RecordRead = new("clients.record.read", AuditKind.Read, "Opened the record");
    public static readonly AuditAction FlagsRead = GetTreatmentEligibility.FlagsRead;
    public static readonly AuditAction IntakeRead = new("clients.intake.read", AuditKind.Read, "Viewed the intake");
    public static readonly AuditAction HistoryRead = new("clients.history.read", AuditKind.Read, "Viewed the history");
    public static readonly AuditAction DuplicatesChecked = new("clients.duplicates.checked", AuditKind.Read, "Checked whether the client was already registered");
    public static readonly AuditAction RecordExported = new("clients.record.exported", AuditKind.Read, "Exported all data");
    public static readonly AuditAction RecordPrinted = new("clients.record.exported-pdf", AuditKind.Read, "Downloaded all data as a PDF");
    public static readonly AuditAction Registered = new("clients.record.registered", AuditKind.Change, "Registered the client");
    public static readonly AuditAction DetailsUpdated = new("clients.record.details-updated", AuditKind.Change, "Changed the personal details");
    public static readonly AuditAction ContactPreferencesUpdated = new("clients.record.contact-preferences-updated", AuditKind.Change, "Changed the contact preferences");
    public static readonly AuditAction CareTeamSet = new("clients.record.care-team-set", AuditKind.Change, "Changed the care team");
    public static readonly AuditAction Archived = new("clients.record.archived", AuditKind.Change, "Archived the record");
    public static readonly AuditAction Restored = new("clients.record.restored", AuditKind.Change, "Restored the record");
    public static readonly AuditAction InvitedToPortal = new("clients.record.portal-invited", AuditKind.Change, "Invited to the portal");
    public static readonly AuditAction RecordErased = new("clients.record.erased", AuditKind.Change, "Erased on request");
    public static readonly AuditAction IntakeSubmitted = new("clients.intake.submitted", AuditKind.Change, "Submitted the intake");
    public static readonly AuditAction IntakeStepSaved = new("clients.intake.step-saved", AuditKind.Change, "Saved a step of the intake in progress");
    public static readonly AuditAction ConsentSigned = new("clients.consent.signed", AuditKind.Change, "Signed the consent to treatment");
    public static readonly AuditAction ClearanceRecorded = new("clients.flag.clearance-recorded", AuditKind.Change, "Recorded a physician's clearance");
    public static readonly AuditAction ConsentTextPublished = new("clients.consent.text-published", AuditKind.Change, "Published a new consent text");
    public static readonly AuditAction ScreeningRuleUpdated = new("clients.screening-rule.updated", AuditKind.Change, "Changed a screening rule");

    public static readonly IReadOnlyCollection<AuditAction> All =
    [
        RecordRead, FlagsRead, IntakeRead, HistoryRead, DuplicatesChecked, RecordExported, RecordPrinted, Registered, DetailsUpdated, ContactPreferencesUpdated,
        CareTeamSet, Archived, Restored, InvitedToPortal, RecordErased, IntakeSubmitted, IntakeStepSaved, ConsentSigned, ClearanceRecorded,
        ConsentTextPublished, ScreeningRuleUpdated,
    ];

    public const string ClientRecord = "Client";
    public const string ScreeningFlags = "ScreeningFlags"; // GetTreatmentEligibility's too
    public const string ScreeningFlag = "ScreeningFlag";
    public const string Intake = "Intake";
    public const string Consent = "Consent";
    public const string History = "History";
    public const string DuplicateCheck = "DuplicateCheck"; // its record id is the number of matches
    public const string ConsentText = "ConsentText"; // the clinic's, no client: its record id is the version
    public const string ScreeningRule = "ScreeningRule"; // the clinic's, no client: its record id is the question key

    /// <summary>An action on the client's record itself.</summary>
    public static AuditSubject OnRecord(AuditAction action, Guid clientId) => new(action, ClientRecord, clientId.ToString(), clientId);
}

/// <summary>The Clients module's audit actions in words, for the platform's audit pages.</summary>
internal sealed class ClientAuditActions : IAuditActions
{
    public IReadOnlyCollection<AuditAction> Actions => ClientAudit.All;
}

/// <summary>Clients' names for the platform's audit pages (a manager's page): an erased client is "Erased client".</summary>
internal sealed class ClientNames(ClientsDbContext db) : IClientNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken)
    {
        var ids = clientIds.Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.ErasedAt })
            .ToListAsync(cancellationToken);
        return clients.ToDictionary(c => c.Id, c => c.ErasedAt is null ? $"{c.GivenName} {c.FamilyName}" : IClientNames.ErasedClient);
    }
}

/// <summary>Clients' own time zones, for what the platform sends them.</summary>
internal sealed class ClientTimeZones(ClientsDbContext db) : IClientTimeZones
{
    public async Task<string?> TimeZoneOfAsync(Guid clientId, CancellationToken cancellationToken) =>
        await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.TimeZone).SingleOrDefaultAsync(cancellationToken);
}
