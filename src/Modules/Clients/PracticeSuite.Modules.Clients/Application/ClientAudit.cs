namespace PracticeSuite.Modules.Clients.Application;

/// <summary>
/// What the Clients module writes to the audit trail: each action and record type once, so that the handlers that
/// record them and the pages that name them in words agree.
/// </summary>
public static class ClientAudit
{
    public const string RecordRead = "clients.record.read";
    public const string RecordExported = "clients.record.exported";
    public const string RecordErased = "clients.record.erased";
    public const string FlagsRead = "clients.flags.read";
    public const string IntakeSubmitted = "clients.intake.submitted";
    public const string IntakeRead = "clients.intake.read";
    public const string ConsentSigned = "clients.consent.signed";
    public const string ClearanceRecorded = "clients.flag.clearance-recorded";

    public const string ClientRecord = "Client";
    public const string ScreeningFlags = "ScreeningFlags";
    public const string ScreeningFlag = "ScreeningFlag";
    public const string Intake = "Intake";
    public const string ConsentSignature = "ConsentSignature";
}
