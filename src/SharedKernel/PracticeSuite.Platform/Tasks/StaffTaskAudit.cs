using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Tasks;

/// <summary>The task list's entries in the audit trail: created, done, opened again and removed with an erased client.</summary>
internal sealed class StaffTaskAudit : IAuditActions
{
    public const string RecordType = "Task";

    public static readonly AuditAction Created = new("tasks.created", AuditKind.Change, "Added a task");
    public static readonly AuditAction Done = new("tasks.done", AuditKind.Change, "Marked a task done");
    public static readonly AuditAction Reopened = new("tasks.reopened", AuditKind.Change, "Marked a task not done");
    public static readonly AuditAction Removed = new("tasks.removed", AuditKind.Change, "Removed a task about an erased client");

    public IReadOnlyCollection<AuditAction> Actions => [Created, Done, Reopened, Removed];
}
