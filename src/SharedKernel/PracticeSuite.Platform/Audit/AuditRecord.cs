using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Audit;

/// <summary>One stored audit entry: ids only, never names or health details, so it can stay when a client is erased.</summary>
internal sealed class AuditRecord
{
    public Guid Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public string? UserId { get; set; }

    public string? Role { get; set; }

    public string Action { get; set; } = "";

    public AuditKind Kind { get; set; }

    public string RecordType { get; set; } = "";

    public string RecordId { get; set; } = "";

    public Guid? ClientId { get; set; }

    public string? IpAddress { get; set; }
}
