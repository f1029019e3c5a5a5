using System.Linq.Expressions;
using System.Net;
using System.Net.Mail;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeSuite.Host.Accounts;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Host.Email;

/// <summary>
/// Delivers every due message (queued, or failed and due for a retry). One run is the unit of work a
/// scheduler calls; each message's outcome is saved as soon as it is known.
/// </summary>
public sealed record DeliverQueuedEmails(int BatchSize = 50) : IRequest<EmailDeliveryReport>;

public sealed record EmailDeliveryReport(int Sent, int WrittenToFolder, int Failed);

public sealed class DeliverQueuedEmailsHandler(
    HostDbContext db,
    IClock clock,
    PracticeDatabase database,
    IOptions<EmailOptions> options,
    ILogger<DeliverQueuedEmailsHandler> logger) : IRequestHandler<DeliverQueuedEmails, EmailDeliveryReport>
{
    public async Task<EmailDeliveryReport> Handle(DeliverQueuedEmails request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var due = await db.Emails.Where(Due(now))
            .OrderBy(e => e.NextAttemptAt)
            .Select(e => e.Id)
            .Take(request.BatchSize)
            .ToListAsync(cancellationToken);
        int sent = 0, written = 0, failed = 0;
        foreach (var id in due)
        {
            if (!await ClaimAsync(id, cancellationToken))
            {
                continue; // another run, on this node or another, took it first
            }

            var message = await db.Emails.SingleAsync(e => e.Id == id, cancellationToken);
            switch (await DeliverAsync(message, cancellationToken))
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
        var now = clock.UtcNow;
        var leaseEnd = now + options.Value.ClaimLease;
        var claimed = await db.Emails.Where(e => e.Id == id).Where(Due(now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, EmailStatus.Sending)
                .SetProperty(e => e.NextAttemptAt, leaseEnd), cancellationToken);
        return claimed == 1;
    }

    private async Task<EmailStatus> DeliverAsync(EmailRecord message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        message.Attempts++;
        message.LastAttemptAt = clock.UtcNow;
        using var mail = Compose(message, settings);
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
            using var smtp = new SmtpClient(settings.Smtp.Host, settings.Smtp.Port)
            {
                EnableSsl = settings.Smtp.UseTls,
                Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds,
                DeliveryMethod = SmtpDeliveryMethod.Network,
            };
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                smtp.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
            }

            await smtp.SendMailAsync(mail, cancellationToken);

            // System.Net.Mail does not expose the final 250 reply; reaching here means the server accepted the message.
            message.Status = EmailStatus.Sent;
            message.NextAttemptAt = null;
            message.ServerResponse = $"accepted by {settings.Smtp.Host}:{settings.Smtp.Port}";
            logger.LogInformation("E-mail {EmailId} ({Kind}) sent", message.Id, message.Kind);
        }
        catch (Exception exception) when (exception is SmtpException or IOException or InvalidOperationException)
        {
            var answer = exception is SmtpException smtpException
                ? $"{(int)smtpException.StatusCode} {smtpException.StatusCode}: {Flatten(exception)}"
                : Flatten(exception);
            message.ServerResponse = answer.Length > 1000 ? answer[..1000] : answer;
            if (message.Attempts >= settings.MaxAttempts)
            {
                message.Status = EmailStatus.GaveUp;
                message.NextAttemptAt = null;
            }
            else
            {
                message.Status = EmailStatus.Failed;
                message.NextAttemptAt = clock.UtcNow + settings.RetryDelay * Math.Pow(2, message.Attempts - 1);
            }

            logger.LogWarning("E-mail {EmailId} ({Kind}) failed on attempt {Attempt}: {Answer}", message.Id, message.Kind, message.Attempts, message.ServerResponse);
        }

        return message.Status;
    }

    private static MailMessage Compose(EmailRecord message, EmailOptions settings)
    {
        var mail = new MailMessage(new MailAddress(settings.From), new MailAddress(message.Recipient))
        {
            Subject = message.Subject,
            Body = message.TextBody,
            IsBodyHtml = false,
        };
        mail.Headers.Add("X-PracticeSuite-Kind", message.Kind);
        mail.Headers.Add("X-PracticeSuite-Message-Id", message.Id.ToString());
        if (message.HtmlBody is not null)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, null, "text/html"));
        }

        return mail;
    }

    private async Task<string> WriteToFolderAsync(MailMessage mail, EmailRecord message, EmailOptions settings, CancellationToken cancellationToken)
    {
        var folder = MailFolder(settings, database);
        // SmtpClient names pickup files itself; write into a private folder, then give the file the message's name.
        var staging = Path.Combine(folder, ".staging", message.Id.ToString("N"));
        Directory.CreateDirectory(staging);
        using (var pickup = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
        {
            await pickup.SendMailAsync(mail, cancellationToken);
        }

        var target = Path.Combine(folder, $"{message.QueuedAt:yyyyMMdd-HHmmss}-{message.Kind}-{message.Id:N}.eml");
        File.Move(Directory.GetFiles(staging).Single(), target, overwrite: true);
        Directory.Delete(staging);
        return target;
    }

    public static string MailFolder(EmailOptions settings, PracticeDatabase database) =>
        string.IsNullOrWhiteSpace(settings.Folder) ? Path.Combine(database.DataDirectory, "mail") : Path.GetFullPath(settings.Folder, database.DataDirectory);

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : $"{exception.Message} ({exception.InnerException.Message})";
}

/// <summary>
/// The delivery run (the Hangfire job <c>Platform.email-delivery</c>, recurring and enqueued after a message is
/// queued): delivers what is due. Not an
/// <see cref="ICommand"/>: each message's outcome is saved on its own as soon as it is known.
/// </summary>
public sealed record RunEmailDelivery : IRequest<Unit>;

public sealed class RunEmailDeliveryHandler(IMediator mediator, PracticeDatabase database) : IRequestHandler<RunEmailDelivery, Unit>
{
    public async Task<Unit> Handle(RunEmailDelivery request, CancellationToken cancellationToken)
    {
        // Asked before the delivery handler (and the accounts' DbContext) is even created: most runs find nothing.
        if (await database.AnyRowAsync(HostDbContext.ModuleName, EmailRecord.Table,
                $"\"Status\" IN ('{EmailStatus.Queued}', '{EmailStatus.Failed}', '{EmailStatus.Sending}')", cancellationToken))
        {
            await mediator.Send(new DeliverQueuedEmails(), cancellationToken);
        }

        return Unit.Value;
    }
}
