using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Email;

/// <summary>Records a message in the e-mail log as queued, signed with the clinic's name; <see cref="DeliverQueuedEmails"/> delivers it.</summary>
internal sealed class QueuedEmailSender(AccountsDbContext db, TimeProvider time, EmailWakeUp wakeUp, IClinicIdentity clinicIdentity) : IEmailSender
{
    public async Task QueueAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await db.Emails.AnyAsync(e => e.IdempotencyKey == message.IdempotencyKey, cancellationToken)
            || db.Emails.Local.Any(e => e.IdempotencyKey == message.IdempotencyKey))
        {
            return;
        }

        var attachments = EmailAttachmentLimits.Check(message.Attachments ?? []);
        var now = time.GetUtcNow().UtcDateTime;
        var clinic = await clinicIdentity.GetAsync(cancellationToken);
        var id = Guid.CreateVersion7();
        db.Emails.Add(new EmailRecord
        {
            Id = id,
            Recipient = message.To.Trim(),
            Subject = message.Subject,
            TextBody = SignOff.Text(message.TextBody, clinic),
            HtmlBody = message.HtmlBody is null ? null : SignOff.Html(message.HtmlBody, clinic),
            Kind = message.Kind,
            IdempotencyKey = message.IdempotencyKey,
            ClientId = message.ClientId,
            Status = EmailStatus.Queued,
            QueuedAt = now,
            NextAttemptAt = now,
            // Added with the message, so they are saved in the same transaction as it.
            Attachments = attachments.Select((a, position) => new EmailAttachmentRecord
            {
                Id = Guid.CreateVersion7(),
                EmailId = id,
                Position = position,
                FileName = a.FileName.Trim(),
                ContentType = a.ContentType.Trim(),
                Size = a.Content.Length,
                Content = a.Content,
            }).ToList(),
        });
        // Inside the host's own multi-step work (accounts) the caller saves and wakes delivery; otherwise save now
        // (inside a module's command that joins the command's transaction) and wake delivery once it is committed.
        if (db.Database.CurrentTransaction is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.AfterCommit(wakeUp.Signal);
        }
    }
}

/// <summary>What the e-mail log accepts as attachments (<see cref="EmailAttachment"/>'s limits, and what its columns hold).</summary>
internal static class EmailAttachmentLimits
{
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 100;

    /// <summary>The attachments, or an <see cref="ArgumentException"/> saying which limit one breaks.</summary>
    public static IReadOnlyList<EmailAttachment> Check(IReadOnlyList<EmailAttachment> attachments)
    {
        if (attachments.Count > EmailAttachment.MaxCount)
        {
            throw new ArgumentException($"An e-mail carries at most {EmailAttachment.MaxCount} attachments; this one has {attachments.Count}.", nameof(EmailMessage.Attachments));
        }

        foreach (var attachment in attachments)
        {
            ArgumentNullException.ThrowIfNull(attachment);
            ArgumentNullException.ThrowIfNull(attachment.Content, nameof(EmailAttachment.Content));
            if (string.IsNullOrWhiteSpace(attachment.FileName) || attachment.FileName.Trim().Length > MaxFileNameLength
                || attachment.FileName.IndexOfAny(['/', '\\']) >= 0)
            {
                throw new ArgumentException($"An attachment needs a file name of 1 to {MaxFileNameLength} characters without a folder: \"{attachment.FileName}\".", nameof(EmailMessage.Attachments));
            }

            if (!MimeKit.ContentType.TryParse(attachment.ContentType ?? "", out _) || attachment.ContentType!.Trim().Length > MaxContentTypeLength)
            {
                throw new ArgumentException($"The attachment {attachment.FileName} has no valid content type: \"{attachment.ContentType}\".", nameof(EmailMessage.Attachments));
            }

            if (attachment.Content.Length > EmailAttachment.MaxBytes)
            {
                throw new ArgumentException(
                    $"The attachment {attachment.FileName} is {attachment.Content.Length:N0} bytes; an attachment may be at most {EmailAttachment.MaxBytes:N0} bytes (2 MB).",
                    nameof(EmailMessage.Attachments));
            }
        }

        return attachments;
    }
}

/// <summary>Every message ends with the clinic's name (and phone, where it has one): the clinic writes, not the software.</summary>
internal static class SignOff
{
    public static string Text(string body, ClinicIdentity clinic) =>
        $"{body.TrimEnd()}\n\n{clinic.Name}\n{(clinic.Phone is { } phone ? phone + "\n" : "")}";

    public static string Html(string body, ClinicIdentity clinic)
    {
        var signature = $"<p>{System.Net.WebUtility.HtmlEncode(clinic.Name)}{(clinic.Phone is { } phone ? "<br>" + System.Net.WebUtility.HtmlEncode(phone) : "")}</p>";
        var end = body.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? body + signature : body.Insert(end, signature);
    }
}
