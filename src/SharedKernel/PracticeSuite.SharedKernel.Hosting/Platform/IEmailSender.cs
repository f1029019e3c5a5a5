namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// Queues an e-mail for delivery (SMTP, or .eml files when none is configured). Delivery is recorded and
/// retried by the host; the idempotency key makes a repeated request a no-op.
/// </summary>
public interface IEmailSender
{
    /// <summary>Queues <paramref name="message"/>; throws <see cref="ArgumentException"/> when its attachments exceed <see cref="EmailAttachment"/>'s limits.</summary>
    Task QueueAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <param name="Kind">What the message is for, e.g. <c>invitation</c>, <c>appointment-reminder</c>.</param>
/// <param name="IdempotencyKey">The event or command id that caused it: the same key is sent once.</param>
/// <param name="ClientId">The client the message is to or about, if any: erasing the client erases the message from the
/// e-mail log and its file from the mail folder.</param>
/// <param name="Attachments">Files sent with the message. The log keeps their bytes only until the message is delivered.</param>
public sealed record EmailMessage(
    string To, string Subject, string TextBody, string? HtmlBody, string Kind, string IdempotencyKey, Guid? ClientId = null,
    IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A file sent with a message, e.g. <c>("consent.pdf", "application/pdf", bytes)</c>.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content)
{
    /// <summary>At most this many files per message.</summary>
    public const int MaxCount = 5;

    /// <summary>At most this many bytes per file (2 MB): the log stores them until delivery, and mail servers refuse large messages.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;
}
