namespace PracticeSuite.Platform.Tasks;

/// <summary>
/// One task on the clinic's list: for a person or everyone in a staff role, due on a clinic-local day, optionally about
/// a module's record (described by that module: the platform reads no module's tables).
/// </summary>
internal sealed class StaffTaskRecord
{
    public const string Table = "staff_tasks";
    public const int MaxTitleLength = 200;
    public const int MaxDetailsLength = 2000;
    public const int MaxKeyLength = 200;
    public const int MaxLabelLength = 200;
    public const int MaxPathLength = 300;

    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string? Details { get; set; }

    /// <summary>The person it is for; null when it is for a role.</summary>
    public string? AssigneeUserId { get; set; }

    /// <summary>The staff role it is for (its name); null when it is for a person.</summary>
    public string? AssigneeRole { get; set; }

    public DateOnly DueOn { get; set; }

    public string? AboutModule { get; set; }

    public string? AboutRecordId { get; set; }

    public string? AboutLabel { get; set; }

    public string? AboutPath { get; set; }

    /// <summary>The client the record belongs to, so that erasing the client removes the task.</summary>
    public Guid? ClientId { get; set; }

    /// <summary>Set by a module's request: a second request with the same key creates nothing.</summary>
    public string? IdempotencyKey { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Whoever was signed in when it was created (a module creates tasks on someone's action); null for the system.</summary>
    public string? CreatedByUserId { get; set; }

    public DateTime? DoneAt { get; set; }

    public string? DoneByUserId { get; set; }

    public bool IsDone => DoneAt is not null;

    /// <summary>Open and its day has passed (due today is not yet overdue).</summary>
    public bool IsOverdue(DateOnly today) => DoneAt is null && DueOn < today;
}
