using System.Text.Json.Serialization;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Contracts;

/// <summary>A client's name and status, for modules that show or address a client. Not found: a 404 (<c>NotFoundException</c>).</summary>
/// <remarks>Every query here applies the caller's visibility: a client sees only themself, a therapist the clients they treat.</remarks>
public sealed record GetClientSummary(Guid ClientId) : IQuery<ClientSummary>, IClientRecordRequest;

/// <param name="TimeZone">The client's IANA time zone, for times in messages.</param>
public sealed record ClientSummary(
    Guid ClientId,
    string DisplayName,
    string? Email,
    string? Phone,
    string TimeZone,
    bool Archived,
    bool Erased,
    bool HasPortalAccount);

/// <summary>May a treatment plan start, and may a session go ahead now? If not, why not.</summary>
/// <remarks>Audited as a view of the client's screening flags, which the answer carries.</remarks>
public sealed record GetTreatmentEligibility(Guid ClientId) : IQuery<TreatmentEligibility>, IClientRecordRequest, IAuditedRequest<TreatmentEligibility>
{
    public static readonly AuditAction FlagsRead = new("clients.flags.read", AuditKind.Read, "Viewed the screening flags");

    public AuditSubject DescribeAudit(TreatmentEligibility _) => new(FlagsRead, "ScreeningFlags", ClientId.ToString(), ClientId);
}

/// <param name="MayStartPlan">No missing intake or consent, no uncleared physician-clearance flag.</param>
/// <param name="MayTreatNow">As above, and no absolute flag for today.</param>
/// <param name="Blockers">Why not, one entry per reason.</param>
/// <param name="Cautions">Flags that shape but do not stop treatment (local areas, lighter pressure, a "modify" clearance).</param>
public sealed record TreatmentEligibility(
    Guid ClientId,
    bool MayStartPlan,
    bool MayTreatNow,
    IReadOnlyList<EligibilityBlocker> Blockers,
    IReadOnlyList<ScreeningFlagView> Cautions,
    IReadOnlyList<ScreeningFlagView> Flags);

/// <param name="Code">Stable: <c>client.archived</c>, <c>intake.missing</c>, <c>consent.missing</c>, <c>consent.outdated</c>, <c>flag.clearance-required</c>, <c>flag.clearance-inadvisable</c>, <c>flag.clearance-expired</c>, <c>flag.absolute-today</c>.</param>
/// <param name="BlocksPlan">False for reasons that only stop today's session.</param>
public sealed record EligibilityBlocker(string Code, string Message, Guid? FlagId, bool BlocksPlan);

/// <summary>How and whether a client wants to be contacted, per kind of message.</summary>
public sealed record GetContactPreferences(Guid ClientId) : IQuery<ContactPreferences>, IClientRecordRequest;

[JsonConverter(typeof(JsonStringEnumConverter<ContactKind>))]
public enum ContactKind
{
    AppointmentReminders,
    PaymentReminders,
    ReviewRequests,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<ContactChannel>))]
public enum ContactChannel
{
    Email,

    /// <summary>Stored, but no module sends SMS yet.</summary>
    Sms,
}

/// <param name="Email">Null when the client has no e-mail address (or was erased).</param>
public sealed record ContactPreferences(Guid ClientId, string? Email, string? Phone, IReadOnlyList<ContactPreference> Preferences)
{
    /// <summary>Whether the client accepts this kind of message on this channel.</summary>
    public bool Allows(ContactKind kind, ContactChannel channel) =>
        Preferences.Any(p => p.Kind == kind && p.Channel == channel && p.Allowed);
}

public sealed record ContactPreference(ContactKind Kind, ContactChannel Channel, bool Allowed);

/// <summary>The therapists who treat the client, preferred first.</summary>
public sealed record GetCareTeam(Guid ClientId) : IQuery<CareTeam>, IClientRecordRequest;

public sealed record CareTeam(Guid ClientId, IReadOnlyList<Guid> TherapistIds)
{
    public Guid? PreferredTherapistId => TherapistIds.Count > 0 ? TherapistIds[0] : null;
}

/// <summary>
/// Clients whose name, e-mail or phone matches <see cref="Text"/> (the client list's search), among those the caller may
/// see, best match first, archived clients left out: for another module's client picker (booking an appointment).
/// </summary>
/// <param name="Max">At most this many (1 to 25).</param>
public sealed record FindClients(string Text, int Max = 10) : IQuery<IReadOnlyList<ClientMatch>>;

public sealed record ClientMatch(Guid ClientId, string DisplayName, DateOnly? DateOfBirth, string? Email, string? Phone);
