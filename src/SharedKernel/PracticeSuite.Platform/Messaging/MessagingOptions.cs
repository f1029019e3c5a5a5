namespace PracticeSuite.Platform.Messaging;

/// <summary><c>Messaging:*</c> settings.</summary>
internal sealed class MessagingOptions
{
    /// <summary>Outbox messages relayed per transaction.</summary>
    public int RelayBatchSize { get; set; } = 2000;

    /// <summary>
    /// Inbox messages handled per transaction. At 200 the per-batch cost (select, commit, scope) capped a backlog at
    /// about 4,000 events/s on PostgreSQL; 1000 gave 9,800–13,500 and 2000 gave 12,100–14,500 (build/bench/README.md).
    /// </summary>
    public int InboxBatchSize { get; set; } = 2000;

    /// <summary>Failed attempts before a message is parked.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry delay; each further failure doubles it (capped at <see cref="MaxRetryDelay"/>).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether this process relays and handles right after a commit (the sweep job runs regardless).</summary>
    public bool WakeOnCommit { get; set; } = true;

    /// <summary>How often the sweep job looks for anything a wake-up missed (a crash, another node's commit); an interval jobs may declare (at least 15 s).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long relayed outbox and processed inbox messages are kept (for tracing) before the daily purge.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan RetryDelay(int attempts)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
