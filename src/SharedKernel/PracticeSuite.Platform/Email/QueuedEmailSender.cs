using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Email;

/// <summary>Records a message in the e-mail log as queued; <see cref="DeliverQueuedEmails"/> delivers it.</summary>
internal sealed class QueuedEmailSender(AccountsDbContext db, TimeProvider time, EmailWakeUp wakeUp) : IEmailSender
{
    public async Task QueueAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await db.Emails.AnyAsync(e => e.IdempotencyKey == message.IdempotencyKey, cancellationToken)
            || db.Emails.Local.Any(e => e.IdempotencyKey == message.IdempotencyKey))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Emails.Add(new EmailRecord
        {
            Id = Guid.CreateVersion7(),
            Recipient = message.To.Trim(),
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Kind = message.Kind,
            IdempotencyKey = message.IdempotencyKey,
            ClientId = message.ClientId,
            Status = EmailStatus.Queued,
            QueuedAt = now,
            NextAttemptAt = now,
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
