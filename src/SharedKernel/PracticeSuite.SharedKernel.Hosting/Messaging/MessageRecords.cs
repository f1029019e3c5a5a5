namespace PracticeSuite.SharedKernel.Hosting.Messaging;

/// <summary>An integration event a module published, waiting in its outbox until every subscriber's inbox has it.</summary>
public sealed class OutboxMessage
{
    /// <summary>The event's id: the inbox key that makes relaying it twice harmless.</summary>
    public Guid Id { get; set; }

    /// <summary>The event's stable name, e.g. <c>clients.client-registered.v1</c>.</summary>
    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public string CorrelationId { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    /// <summary>When every subscriber's inbox accepted it; null while it still has to be relayed.</summary>
    public DateTime? RelayedAt { get; set; }
}

/// <summary>An integration event received by a subscriber module, processed in the module's own transaction.</summary>
public sealed class InboxMessage
{
    /// <summary>The event's id, unique per inbox: a duplicate delivery is ignored by this key.</summary>
    public Guid MessageId { get; set; }

    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public string CorrelationId { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this time (backoff after a failure).</summary>
    public DateTime NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Set when the message stopped being retried; an operator may retry it by hand.</summary>
    public DateTime? ParkedAt { get; set; }
}
