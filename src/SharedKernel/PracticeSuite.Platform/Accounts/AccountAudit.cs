using PracticeSuite.Platform.Audit;
using PracticeSuite.SharedKernel.Hosting.Platform;
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

    public IReadOnlyCollection<AuditAction> Actions => [SignedIn, SignedOut, SignInRefused, AccessRefused];

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
