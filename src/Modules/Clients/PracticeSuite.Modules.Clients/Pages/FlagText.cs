using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Screening;

namespace PracticeSuite.Modules.Clients.Pages;

/// <summary>Display words for the module's codes.</summary>
internal static class FlagText
{
    public static string KindName(FlagKind kind) => kind switch
    {
        FlagKind.RequiresPhysicianClearance => "Physician clearance",
        FlagKind.Local => "Local",
        FlagKind.ModifyPressure => "Lighter pressure",
        FlagKind.AbsoluteToday => "Not today",
        _ => kind.ToString(),
    };

    /// <summary>The page kit's status chip for a flag: red where treatment waits or stops, amber where it is changed.</summary>
    public static string ChipClass(FlagKind kind) => kind switch
    {
        FlagKind.RequiresPhysicianClearance or FlagKind.AbsoluteToday => "stop",
        _ => "todo",
    };

    public static string OutcomeName(ClearanceOutcome outcome) => outcome switch
    {
        ClearanceOutcome.NoRestriction => "No restriction",
        ClearanceOutcome.Modify => "Treat with modifications",
        ClearanceOutcome.Inadvisable => "Treatment inadvisable",
        _ => outcome.ToString(),
    };

    /// <summary>Where a flag stands, in a word for the record's flag table.</summary>
    public static string Status(FlagDetails details) => details switch
    {
        { Active: false, Lapsed: true } => "Lapsed",
        { Active: false } => "Resolved",
        { Flag.Blocking: true } => "Blocking",
        { Flag.Clearance: { Outcome: ClearanceOutcome.NoRestriction, Expired: false } } => "Cleared",
        _ => "Active",
    };

    /// <summary>
    /// The channels a client chooses between on the pages. SMS preferences are stored (and the API takes them), but no
    /// module sends SMS yet, so the pages do not offer a choice that would do nothing.
    /// </summary>
    public static IReadOnlyList<ContactChannel> OfferedChannels { get; } = [ContactChannel.Email];

    public static string AreaName(string code) => BodyAreas.Find(code)?.Name ?? code;

    public static string KindOfMessage(ContactKind kind) => kind switch
    {
        ContactKind.AppointmentReminders => "Appointment reminders",
        ContactKind.PaymentReminders => "Payment reminders",
        ContactKind.ReviewRequests => "Requests for a review",
        ContactKind.Other => "Other news from the clinic",
        _ => kind.ToString(),
    };

    public static string Pressure(PressurePreference preference) => preference switch
    {
        PressurePreference.NoPreference => "No preference",
        _ => preference.ToString(),
    };

    /// <summary>A yes/no answer with what the client added to it: "Yes — Left knee · Arthroscopy six weeks ago".</summary>
    public static string Answer(bool yes, params string?[] additions)
    {
        var added = string.Join(" · ", additions.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()));
        return (yes ? "Yes" : "No") + (added.Length > 0 ? " — " + added : "");
    }

    public static string Question(string key) => ScreeningQuestions.Find(key)?.Text ?? key;
}
