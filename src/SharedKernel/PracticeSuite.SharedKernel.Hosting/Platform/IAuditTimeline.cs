using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>Reads the audit trail back for one client: the client's history page.</summary>
public interface IAuditTimeline
{
    /// <summary>The client's entries, newest first, at most <paramref name="limit"/>; changes only unless <paramref name="includeReads"/>.</summary>
    Task<IReadOnlyList<AuditTimelineEntry>> ForClientAsync(Guid clientId, bool includeReads, int limit, CancellationToken cancellationToken);
}

/// <param name="Who">The account's name and role, "The system" for a job, or a note that the account is gone.</param>
/// <param name="What">The action in words, as its module names it.</param>
/// <param name="ActionCode">The stored code, e.g. <c>clients.intake.read</c>.</param>
public sealed record AuditTimelineEntry(DateTime OccurredAt, string Who, string What, AuditKind Kind, string ActionCode);
