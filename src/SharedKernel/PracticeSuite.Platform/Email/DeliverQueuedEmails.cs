using System.Linq.Expressions;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MediatR;
using MimeKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Email;

/// <summary>
/// Delivers every due message (queued, or failed and due for a retry). One run is the unit of work a
/// scheduler calls; each message's outcome is saved as soon as it is known.
/// </summary>
internal sealed record DeliverQueuedEmails(int BatchSize = 50) : IRequest<EmailDeliveryReport>;

internal sealed record EmailDeliveryReport(int Sent, int WrittenToFolder, int Failed);

internal sealed class DeliverQueuedEmailsHandler(
    AccountsDbContext db,
    TimeProvider time,
    PracticeDatabase database,
    IOptions<EmailOptions> options,
    IClinicIdentity clinicIdentity,
    ILogger<DeliverQueuedEmailsHandler> logger) : IRequestHandler<DeliverQueuedEmails, EmailDeliveryReport>
{
    public async Task<EmailDeliveryReport> Handle(DeliverQueuedEmails request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Emails.Where(Due(now))
            .OrderBy(e => e.NextAttemptAt)
            .Select(e => e.Id)
            .Take(request.BatchSize)
            .ToListAsync(cancellationToken);
        int sent = 0, written = 0, failed = 0;
        var clinic = due.Count > 0 ? await clinicIdentity.GetAsync(cancellationToken) : null;
        foreach (var id in due)
        {
            if (!await ClaimAsync(id, cancellationToken))
            {
                continue; // another run, on this node or another, took it first
            }

            var message = await db.Emails.Include(e => e.Attachments.OrderBy(a => a.Position)).SingleAsync(e => e.Id == id, cancellationToken);
            switch (await DeliverAsync(message, clinic!, cancellationToken))
            {
                case EmailStatus.Sent: sent++; break;
                case EmailStatus.WrittenToFolder: written++; break;
                default: failed++; break;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new EmailDeliveryReport(sent, written, failed);
    }

    /// <summary>
    /// Whether a message may be delivered now: queued, failed and due for a retry, or claimed by a run whose lease ran
    /// out (its node stopped mid-delivery).
    /// </summary>
    public static Expression<Func<EmailRecord, bool>> Due(DateTime now) =>
        e => (e.Status == EmailStatus.Queued || e.Status == EmailStatus.Failed || e.Status == EmailStatus.Sending) && e.NextAttemptAt <= now;

    /// <summary>
    /// Claims one message with a single conditional UPDATE, so of two runs (two nodes, or a job and the "Deliver now"
    /// button) exactly one sends it. The claim lasts longer than an SMTP attempt can; should its node die, the message
    /// is due again once the lease is over.
    /// </summary>
    private async Task<bool> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var leaseEnd = now + options.Value.ClaimLease;
        var claimed = await db.Emails.Where(e => e.Id == id).Where(Due(now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, EmailStatus.Sending)
                .SetProperty(e => e.NextAttemptAt, leaseEnd), cancellationToken);
        return claimed == 1;
    }

    private async Task<EmailStatus> DeliverAsync(EmailRecord message, ClinicIdentity clinic, CancellationToken cancellationToken)
    {
        var status = await AttemptAsync(message, clinic, cancellationToken);
        // Every way a message finishes (sent, written to the folder, given up) passes here.
        if (status is EmailStatus.Sent or EmailStatus.WrittenToFolder or EmailStatus.GaveUp)
        {
            message.RedactLinkTokens(); // the log keeps what was sent, but no working invitation or reset link
            message.RemoveAttachmentContent(); // and the files' names and sizes, not the files
        }

        return status;
    }

    private async Task<EmailStatus> AttemptAsync(EmailRecord message, ClinicIdentity clinic, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        message.Attempts++;
        message.LastAttemptAt = time.GetUtcNow().UtcDateTime;
        MimeMessage composed;
        try
        {
            composed = Compose(message, settings, clinic);
        }
        catch (ParseException exception)
        {
            // An address no retry can mend (the sender's setting, or a recipient that slipped past validation).
            message.Status = EmailStatus.GaveUp;
            message.NextAttemptAt = null;
            message.ServerResponse = Shorten($"not sent: an address cannot be read ({exception.Message})");
            logger.LogWarning("E-mail {EmailId} ({Kind}) given up: {Answer}", message.Id, message.Kind, message.ServerResponse);
            return message.Status;
        }

        using var mail = composed;
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var path = await WriteToFolderAsync(mail, message, settings, cancellationToken);
            message.Status = EmailStatus.WrittenToFolder;
            message.NextAttemptAt = null;
            message.ServerResponse = $"written to folder: {path}";
            return message.Status;
        }

        try
        {
            using var smtp = new SmtpClient
            {
                Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds,
                // Without it MailKit greets with the machine's name, which many servers refuse or score as spam.
                LocalDomain = string.IsNullOrWhiteSpace(settings.Smtp.LocalDomain) ? SenderDomain(settings) : settings.Smtp.LocalDomain,
            };
            await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await smtp.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
            }

            var reply = await smtp.SendAsync(mail, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);

            message.Status = EmailStatus.Sent;
            message.NextAttemptAt = null;
            message.ServerResponse = Shorten($"accepted by {settings.Smtp.Host}:{settings.Smtp.Port}: {reply}");
            logger.LogInformation("E-mail {EmailId} ({Kind}) sent", message.Id, message.Kind);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or SslHandshakeException or SocketException or IOException or TimeoutException or NotSupportedException)
        {
            message.ServerResponse = Shorten(exception is SmtpCommandException refused
                ? $"{(int)refused.StatusCode} {refused.StatusCode}: {Flatten(exception)}"
                : Flatten(exception));
            if (message.Attempts >= settings.MaxAttempts)
            {
                message.Status = EmailStatus.GaveUp;
                message.NextAttemptAt = null;
            }
            else
            {
                message.Status = EmailStatus.Failed;
                message.NextAttemptAt = time.GetUtcNow().UtcDateTime + settings.RetryDelay * Math.Pow(2, message.Attempts - 1);
            }

            logger.LogWarning("E-mail {EmailId} ({Kind}) failed on attempt {Attempt}: {Answer}", message.Id, message.Kind, message.Attempts, message.ServerResponse);
        }

        return message.Status;
    }

    private static MimeMessage Compose(EmailRecord message, EmailOptions settings, ClinicIdentity clinic)
    {
        var mail = new MimeMessage();
        var sender = Sender(clinic, settings);
        mail.From.Add(sender);
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = message.Subject;
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(sender.Domain);
        mail.Headers.Add("X-PracticeSuite-Kind", message.Kind);
        mail.Headers.Add("X-PracticeSuite-Message-Id", message.Id.ToString());
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            // Only a message still due gets here, and its files' bytes are removed only once it is finished.
            body.Attachments.Add(attachment.FileName, attachment.Content!, ContentType.Parse(attachment.ContentType));
        }

        mail.Body = body.ToMessageBody(); // multipart/mixed when it has files
        return mail;
    }

    /// <summary>
    /// Who a message is from: clients see the clinic. The name is the clinic's sender name, else the clinic's name; the
    /// address is the clinic's sender address, else the configured <c>Email:From</c> address.
    /// </summary>
    public static MailboxAddress Sender(ClinicIdentity clinic, EmailOptions settings) =>
        new(clinic.SenderName ?? clinic.Name, clinic.SenderAddress ?? MailboxAddress.Parse(settings.From).Address);

    private static string SenderDomain(EmailOptions settings) => MailboxAddress.Parse(settings.From).Domain;

    /// <summary>Writes the message as an .eml file named after it; written beside its final name first, so no reader sees half a file.</summary>
    private async Task<string> WriteToFolderAsync(MimeMessage mail, EmailRecord message, EmailOptions settings, CancellationToken cancellationToken)
    {
        var folder = MailFolder(settings, database);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"{message.QueuedAt:yyyyMMdd-HHmmss}-{message.Kind}-{message.Id:N}.eml");
        var partial = target + ".partial";
        await mail.WriteToAsync(partial, cancellationToken);
        File.Move(partial, target, overwrite: true);
        return target;
    }

    public static string MailFolder(EmailOptions settings, PracticeDatabase database) =>
        string.IsNullOrWhiteSpace(settings.Folder) ? Path.Combine(database.DataDirectory, "mail") : Path.GetFullPath(settings.Folder, database.DataDirectory);

    private static string Shorten(string text) => text.Length > 1000 ? text[..1000] : text;

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : $"{exception.Message} ({exception.InnerException.Message})";
}

/// <summary>
/// The delivery run (the Hangfire job <c>Platform.email-delivery</c>, recurring and enqueued after a message is
/// queued): delivers what is due. Not an
/// <see cref="ICommand"/>: each message's outcome is saved on its own as soon as it is known.
/// </summary>
internal sealed record RunEmailDelivery : IRequest<Unit>;

internal sealed class RunEmailDeliveryHandler(IMediator mediator, PracticeDatabase database) : IRequestHandler<RunEmailDelivery, Unit>
{
    public async Task<Unit> Handle(RunEmailDelivery request, CancellationToken cancellationToken)
    {
        // Asked before the delivery handler (and the accounts' DbContext) is even created: most runs find nothing.
        if (await database.AnyRowAsync(AccountsDbContext.ModuleName, EmailRecord.Table,
                $"\"Status\" IN ('{EmailStatus.Queued}', '{EmailStatus.Failed}', '{EmailStatus.Sending}')", cancellationToken))
        {
            await mediator.Send(new DeliverQueuedEmails(), cancellationToken);
        }

        return Unit.Value;
    }
}
