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

        var now = time.GetUtcNow().UtcDateTime;
        var clinic = await clinicIdentity.GetAsync(cancellationToken);
        db.Emails.Add(new EmailRecord
        {
            Id = Guid.CreateVersion7(),
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
