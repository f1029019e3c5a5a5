using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>
/// A flag on a client raised by an intake answer through a rule. It stays until a later intake no longer
/// gives that answer (it is then resolved, and kept for the record); a clearance can be recorded on it.
/// </summary>
internal sealed class ScreeningFlag
{
    private ScreeningFlag()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public string QuestionKey { get; private set; } = "";

    public FlagKind Kind { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>Body-area codes separated by commas (local flags).</summary>
    public string BodyAreas { get; private set; } = "";

    /// <summary>The clinic-local day an absolute flag applies to.</summary>
    public DateOnly? Day { get; private set; }

    public int RaisedByIntakeVersion { get; private set; }

    public DateTime RaisedAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public string? ClearancePhysician { get; private set; }

    public DateOnly? ClearedOn { get; private set; }

    public ClearanceOutcome? ClearanceOutcome { get; private set; }

    public DateOnly? ClearanceExpiresOn { get; private set; }

    public string? ClearanceNotes { get; private set; }

    public DateTime? ClearanceRecordedAt { get; private set; }

    public IReadOnlyList<string> BodyAreaCodes => BodyAreas.Length == 0 ? [] : BodyAreas.Split(',');

    public bool IsActive => ResolvedAt is null;

    public static ScreeningFlag Raise(Guid clientId, ScreeningRule rule, IReadOnlyList<string> bodyAreas, DateOnly? day, int intakeVersion, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        ClientId = clientId,
        QuestionKey = rule.QuestionKey,
        Kind = rule.Kind,
        Reason = rule.Reason,
        BodyAreas = string.Join(',', bodyAreas),
        Day = day,
        RaisedByIntakeVersion = intakeVersion,
        RaisedAt = now,
    };

    /// <summary>The same answer again in a newer intake: keep the flag (and its clearance), refresh areas and wording.</summary>
    public void Confirm(ScreeningRule rule, IReadOnlyList<string> bodyAreas, int intakeVersion)
    {
        Reason = rule.Reason;
        BodyAreas = string.Join(',', bodyAreas);
        RaisedByIntakeVersion = intakeVersion;
    }

    public void Resolve(DateTime now) => ResolvedAt ??= now;

    public void RecordClearance(string physician, DateOnly clearedOn, ClearanceOutcome outcome, DateOnly? expiresOn, string? notes, DateTime now)
    {
        ClearancePhysician = physician.Trim();
        ClearedOn = clearedOn;
        ClearanceOutcome = outcome;
        ClearanceExpiresOn = expiresOn;
        ClearanceNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        ClearanceRecordedAt = now;
    }

    /// <summary>Whether an absolute flag has lapsed: its day is over in the clinic's time zone.</summary>
    public bool HasLapsed(DateOnly clinicToday) => Kind == FlagKind.AbsoluteToday && Day is { } day && day < clinicToday;

    public bool ClearanceExpired(DateOnly clinicToday) => ClearanceExpiresOn is { } expires && expires < clinicToday;

    /// <summary>
    /// A physician cleared the client with no restriction and the clearance still holds: the flag no longer shapes
    /// treatment, so it is neither a blocker nor a caution.
    /// </summary>
    public bool ClearedWithoutRestriction(DateOnly clinicToday) =>
        Kind == FlagKind.RequiresPhysicianClearance && ClearanceOutcome == Contracts.ClearanceOutcome.NoRestriction && !ClearanceExpired(clinicToday);

    /// <summary>The reason this flag stops treatment today, or null when it does not (it may still be a caution).</summary>
    public (string Code, string Message, bool BlocksPlan)? Blocker(DateOnly clinicToday)
    {
        if (!IsActive || HasLapsed(clinicToday))
        {
            return null;
        }

        switch (Kind)
        {
            case FlagKind.AbsoluteToday:
                return ("flag.absolute-today", $"{Reason}: no treatment today ({Day:yyyy-MM-dd}).", false);
            case FlagKind.RequiresPhysicianClearance when ClearanceOutcome is null:
                return ("flag.clearance-required", $"{Reason}: a physician's clearance must be recorded first.", true);
            case FlagKind.RequiresPhysicianClearance when ClearanceOutcome == Contracts.ClearanceOutcome.Inadvisable:
                return ("flag.clearance-inadvisable", $"{Reason}: the physician ({ClearancePhysician}) advised against treatment.", true);
            case FlagKind.RequiresPhysicianClearance when ClearanceExpired(clinicToday):
                return ("flag.clearance-expired", $"{Reason}: the clearance expired on {ClearanceExpiresOn:yyyy-MM-dd}.", true);
            default:
                return null;
        }
    }

    public ScreeningFlagView ToView(DateOnly clinicToday) => new(
        Id,
        Kind,
        QuestionKey,
        Reason,
        BodyAreaCodes,
        Day,
        ClearanceOutcome is { } outcome
            ? new ClearanceView(ClearancePhysician ?? "", ClearedOn!.Value, outcome, ClearanceExpiresOn, ClearanceNotes, ClearanceExpired(clinicToday))
            : null,
        Blocker(clinicToday) is not null);
}
