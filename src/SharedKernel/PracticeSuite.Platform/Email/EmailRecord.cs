using System.Text.RegularExpressions;

namespace PracticeSuite.Platform.Email;

/// <summary>A queued e-mail and what happened to it. The log managers see.</summary>
internal sealed partial class EmailRecord
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

    /// <summary>The client the message is to or about (<see cref="SharedKernel.Hosting.Platform.EmailMessage.ClientId"/>).</summary>
    public Guid? ClientId { get; set; }

    public EmailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime QueuedAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>When a queued or failed message is due; null once it is finished.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The SMTP server's reply (or the folder it was written to), as far as the client exposes it.</summary>
    public string? ServerResponse { get; set; }

    /// <summary>The files sent with it, in order (loaded only where needed).</summary>
    public List<EmailAttachmentRecord> Attachments { get; set; } = [];

    /// <summary>What a delivered link's token reads as in the log.</summary>
    public const string RedactedToken = "removed-after-delivery";

    /// <summary>
    /// Once a message has left (or will never leave), the single-use tokens in its links are removed from the stored
    /// copy: whoever reads the e-mail log, a backup or the database cannot use an invitation or reset link from there.
    /// </summary>
    public void RedactLinkTokens()
    {
        TextBody = LinkToken().Replace(TextBody, "${name}" + RedactedToken);
        HtmlBody = HtmlBody is null ? null : LinkToken().Replace(HtmlBody, "${name}" + RedactedToken);
    }

    /// <summary>What the log keeps of a message to an erased client: that a message of its kind went, when, and how.</summary>
    public void Erase()
    {
        Recipient = "erased";
        Subject = "erased";
        TextBody = "";
        HtmlBody = null;
        if (Status is EmailStatus.Queued or EmailStatus.Failed or EmailStatus.Sending)
        {
            // Not sent yet, and never to be: its address is gone.
            Status = EmailStatus.GaveUp;
            NextAttemptAt = null;
            ServerResponse = "not sent: the client was erased";
        }
    }

    /// <summary>
    /// Once a message has left (or will never leave), its files' bytes are removed from the log, which keeps their names
    /// and sizes: a copy of a client's signed consent has no business in the e-mail log once it is in their inbox.
    /// </summary>
    public void RemoveAttachmentContent()
    {
        foreach (var attachment in Attachments)
        {
            attachment.Content = null;
        }
    }

    [GeneratedRegex(@"(?<name>[?&](amp;)?token=)[^\s""'&<>]+")]
    private static partial Regex LinkToken();
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

/// <summary>A file sent with a queued e-mail; its bytes are kept only until the message is delivered or given up.</summary>
internal sealed class EmailAttachmentRecord
{
    /// <summary>The accounts' table for e-mail attachments (module-local name).</summary>
    public const string Table = "email_attachments";

    public Guid Id { get; set; }

    public Guid EmailId { get; set; }

    /// <summary>Its place among the message's files, from 0.</summary>
    public int Position { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    /// <summary>The file's size in bytes, kept after the bytes are removed.</summary>
    public int Size { get; set; }

    /// <summary>The file itself; null once the message is delivered, given up or its client erased.</summary>
    public byte[]? Content { get; set; }
}
