using System.Text.Json.Serialization;

namespace PracticeSuite.Modules.Clients.Contracts;

/// <summary>What a screening flag does to treatment (the domain guide's screening table).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlagKind>))]
public enum FlagKind
{
    /// <summary>No treatment plan can start (and no session go ahead) until a physician's clearance is recorded.</summary>
    RequiresPhysicianClearance,

    /// <summary>Treat, but not the flagged body areas.</summary>
    Local,

    /// <summary>Treat with lighter pressure.</summary>
    ModifyPressure,

    /// <summary>No treatment today; the flag lapses at the end of its day in the clinic's time zone.</summary>
    AbsoluteToday,
}

/// <summary>What the physician decided.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClearanceOutcome>))]
public enum ClearanceOutcome
{
    NoRestriction,
    Modify,
    Inadvisable,
}

/// <summary>A flag as other modules see it.</summary>
/// <param name="Reason">Why the flag is there, in the clinic's words (from the rule).</param>
/// <param name="BodyAreaCodes">Areas to avoid (local flags), from <see cref="BodyAreas"/>.</param>
/// <param name="Day">The clinic-local day an absolute flag applies to.</param>
/// <param name="Blocking">Whether it stops treatment now (considering clearance, its expiry and the day).</param>
public sealed record ScreeningFlagView(
    Guid Id,
    FlagKind Kind,
    string QuestionKey,
    string Reason,
    IReadOnlyList<string> BodyAreaCodes,
    DateOnly? Day,
    ClearanceView? Clearance,
    bool Blocking);

/// <param name="ClearedOn">The date of the physician's approval.</param>
/// <param name="ExpiresOn">The last day the clearance holds; null when it does not expire.</param>
public sealed record ClearanceView(string Physician, DateOnly ClearedOn, ClearanceOutcome Outcome, DateOnly? ExpiresOn, string? Notes, bool Expired);
