using PracticeSuite.Platform.Audit;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// Sign-ins, sign-outs, refused sign-ins and refused access, in the audit trail beside the records' reads and changes
/// (issue 16, defect 11). Nobody is signed in yet when a sign-in is decided, so the account is named explicitly; a
/// refused sign-in for an address with no account names nobody (the typed address is not kept).
/// </summary>
internal sealed class AccountAudit(AuditWriter writer, IHttpContextAccessor http, TimeProvider time) : IAuditActions
{
    public const string RecordType = "Account";

    public static readonly AuditAction SignedIn = new("accounts.signed-in", AuditKind.Change, "Signed in");
    public static readonly AuditAction SignedOut = new("accounts.signed-out", AuditKind.Change, "Signed out");
    public static readonly AuditAction SignInRefused = new("accounts.sign-in-refused", AuditKind.Change, "Was refused sign-in");
    public static readonly AuditAction AccessRefused = new("accounts.access-refused", AuditKind.Change, "Was refused a page or action");

    // A manager's actions on the Staff page: the entry names the manager (who) and the account acted on (its id).
    public static readonly AuditAction InvitationResent = new("accounts.invitation-resent", AuditKind.Change, "Sent an account's invitation again");
    public static readonly AuditAction MadeManager = new("accounts.role-set.manager", AuditKind.Change, "Changed an account's role to Manager");
    public static readonly AuditAction MadeTherapist = new("accounts.role-set.therapist", AuditKind.Change, "Changed an account's role to Therapist");
    public static readonly AuditAction MadeReception = new("accounts.role-set.reception", AuditKind.Change, "Changed an account's role to Reception");
    public static readonly AuditAction Deactivated = new("accounts.deactivated", AuditKind.Change, "Deactivated an account");
    public static readonly AuditAction Reactivated = new("accounts.reactivated", AuditKind.Change, "Reactivated an account");
    public static readonly AuditAction Unlocked = new("accounts.unlocked", AuditKind.Change, "Unlocked an account locked by failed sign-ins");

    // Two-step sign-in (issue 17): the person's own changes, and each code refused or recovery code spent.
    public static readonly AuditAction TwoStepEnabled = new("accounts.two-step-enabled", AuditKind.Change, "Turned on two-step sign-in");
    public static readonly AuditAction TwoStepDisabled = new("accounts.two-step-disabled", AuditKind.Change, "Turned off two-step sign-in");
    public static readonly AuditAction RecoveryCodesRenewed = new("accounts.recovery-codes-renewed", AuditKind.Change, "Generated new recovery codes");
    public static readonly AuditAction RecoveryCodeUsed = new("accounts.recovery-code-used", AuditKind.Change, "Signed in with a recovery code");
    public static readonly AuditAction TwoStepCodeRefused = new("accounts.two-step-code-refused", AuditKind.Change, "Gave a wrong two-step code");

    public IReadOnlyCollection<AuditAction> Actions =>
    [
        SignedIn, SignedOut, SignInRefused, AccessRefused, InvitationResent, MadeManager, MadeTherapist, MadeReception, Deactivated, Reactivated, Unlocked,
        TwoStepEnabled, TwoStepDisabled, RecoveryCodesRenewed, RecoveryCodeUsed, TwoStepCodeRefused,
    ];

    /// <summary>The entry for a role change, one per role so the new role is in the trail's own words.</summary>
    public static AuditAction RoleSet(PracticeRole role) => role switch
    {
        PracticeRole.Manager => MadeManager,
        PracticeRole.Therapist => MadeTherapist,
        PracticeRole.Reception => MadeReception,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Only staff roles are set from the Staff page."),
    };

    /// <summary>Stores the entry before returning (group-committed with other entries, as reads are).</summary>
    public Task RecordAsync(AuditAction action, string? userId, string? role, string recordId) =>
        writer.WriteAsync(new AuditRecord
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = time.GetUtcNow().UtcDateTime,
            UserId = userId,
            Role = role,
            Action = action.Code,
            Kind = action.Kind,
            RecordType = RecordType,
            RecordId = recordId.Length > 100 ? recordId[..100] : recordId,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
}
