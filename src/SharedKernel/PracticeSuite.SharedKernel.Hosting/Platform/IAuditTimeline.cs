namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>Reads the audit trail back for one client: the client's history page.</summary>
public interface IAuditTimeline
{
    /// <summary>The client's entries, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditTimelineEntry>> ForClientAsync(Guid clientId, int limit, CancellationToken cancellationToken);
}

/// <param name="UserId">Who did it; null for a job.</param>
/// <param name="Who">How to show who did it: the account's name and role, "system" for a job, or a note that the account is gone.</param>
public sealed record AuditTimelineEntry(DateTime OccurredAt, string? UserId, string Who, string Action, string RecordType, string RecordId);
