namespace PracticeSuite.Platform.Email;

/// <summary>A queued e-mail and what happened to it. The log managers see.</summary>
internal sealed class EmailRecord
{
    /// <summary>The accounts' table for e-mail (module-local name).</summary>
    public const string Table = "email_messages";

    public Guid Id { get; set; }

    public string Recipient { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    public string Kind { get; set; } = "";

    public string IdempotencyKey { get; set; } = "";

    public EmailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime QueuedAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>When a queued or failed message is due; null once it is finished.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The SMTP server's reply (or the folder it was written to), as far as the client exposes it.</summary>
    public string? ServerResponse { get; set; }
}

internal enum EmailStatus
{
    /// <summary>Waiting for its first delivery attempt.</summary>
    Queued,

    /// <summary>A delivery run claimed it and is sending it; NextAttemptAt is when that claim runs out.</summary>
    Sending,

    /// <summary>The SMTP server accepted it.</summary>
    Sent,

    /// <summary>No SMTP server is configured: written as an .eml file to the mail folder, not sent.</summary>
    WrittenToFolder,

    /// <summary>The last attempt failed; it is retried at NextAttemptAt.</summary>
    Failed,

    /// <summary>Every allowed attempt failed; it is not retried.</summary>
    GaveUp,
}
