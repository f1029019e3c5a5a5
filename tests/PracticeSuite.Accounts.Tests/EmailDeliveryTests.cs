using Autofac;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Email;
using PracticeSuite.SharedKernel.Hosting.Platform;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

[Trait("Category", "Persistence")]
public sealed class EmailDeliveryTests(SmtpFixture host) : IClassFixture<SmtpFixture>
{
    [Fact]
    public async Task A_refused_message_is_recorded_as_failed_then_retried_and_sent_once_a_server_accepts_it()
    {
        var key = $"test:{Guid.NewGuid()}";
        await QueueAsync(new EmailMessage("ada@personas.test", "Your appointment", "See you on Monday.", null, "appointment-reminder", key));
        await QueueAsync(new EmailMessage("ada@personas.test", "Your appointment", "See you on Monday.", null, "appointment-reminder", key));
        Assert.Single(await MessagesAsync(key)); // the idempotency key makes the second request a no-op

        await using (await SmtpServer.RefusingAsync(host.SmtpPort))
        {
            var report = await DeliverAsync();
            Assert.Equal(1, report.Failed);
        }

        var failed = Assert.Single(await MessagesAsync(key));
        Assert.Equal(EmailStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.ServerResponse);
        Assert.Equal(host.Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(5), failed.NextAttemptAt);

        await using var accepting = await SmtpServer.AcceptingAsync(host.SmtpPort);
        Assert.Equal(0, (await DeliverAsync()).Sent); // not due before its backoff
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var retried = await DeliverAsync();
        Assert.True(retried.Sent == 1, $"retry: {retried}; {(await MessagesAsync(key)).Single().ServerResponse}");

        var sent = Assert.Single(await MessagesAsync(key));
        Assert.Equal(EmailStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        // MailKit hands back the server's final reply; aiosmtpd answers "250 OK" to the message.
        Assert.Equal($"accepted by 127.0.0.1:{host.SmtpPort}: OK", sent.ServerResponse);
        Assert.Null(sent.NextAttemptAt);
        var stored = Assert.Single(accepting.Messages());
        Assert.Contains("Subject: Your appointment", stored);
        Assert.Contains("ada@personas.test", stored);
        Assert.Equal(0, (await DeliverAsync()).Sent); // sent once, never again
    }

    [Fact]
    public async Task A_message_is_given_up_after_the_allowed_attempts()
    {
        var key = $"test:{Guid.NewGuid()}";
        await QueueAsync(new EmailMessage("bob@personas.test", "Receipt", "Thank you.", null, "receipt", key));
        await using (await SmtpServer.RefusingAsync(host.SmtpPort))
        {
            for (var attempt = 1; attempt <= 6; attempt++)
            {
                await DeliverAsync();
                host.Factory.Clock.Advance(TimeSpan.FromDays(1));
            }
        }

        var message = Assert.Single(await MessagesAsync(key));
        Assert.Equal(EmailStatus.GaveUp, message.Status);
        Assert.Equal(6, message.Attempts);
    }

    [Fact]
    public async Task Two_runs_at_once_deliver_each_message_once()
    {
        var batch = Guid.NewGuid().ToString("N");
        var keys = Enumerable.Range(1, 12).Select(i => $"test:{batch}:{i}").ToList();
        foreach (var key in keys)
        {
            await host.InScopeAsync(async scope => { await scope.Resolve<IEmailSender>().QueueAsync(new EmailMessage("ed@personas.test", $"Batch {key}", "Hello.", null, "batch", key), CancellationToken.None); return 0; });
        }

        await using var accepting = await SmtpServer.AcceptingAsync(host.SmtpPort);
        // Two runs side by side (two nodes, or the job and the "Deliver now" button), with the host's own job running too.
        await Task.WhenAll(
            host.InScopeAsync(scope => scope.Resolve<IMediator>().Send(new DeliverQueuedEmails(), CancellationToken.None)),
            host.InScopeAsync(scope => scope.Resolve<IMediator>().Send(new DeliverQueuedEmails(), CancellationToken.None)));

        var messages = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.AsNoTracking().Where(e => keys.Contains(e.IdempotencyKey)).ToListAsync());
        Assert.Equal(keys.Count, messages.Count);
        Assert.All(messages, m => Assert.Equal((EmailStatus.Sent, 1), (m.Status, m.Attempts)));
        var stored = accepting.Messages();
        Assert.All(keys, key => Assert.Single(stored, m => m.Contains($"Subject: Batch {key}\r\n", StringComparison.Ordinal) || m.Contains($"Subject: Batch {key}\n", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_attachment_is_delivered_with_its_message_and_then_the_log_keeps_only_its_name_and_size()
    {
        var key = $"test:{Guid.NewGuid()}";
        byte[] consent = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x01, 0x02, 0x03]; // "%PDF-1.7\n" and three bytes
        await QueueAsync(new EmailMessage("fay@personas.test", "Your signed consent to treatment", "Attached.", null, "consent-copy", key,
            Attachments: [new EmailAttachment("consent-to-treatment.pdf", "application/pdf", consent)]));
        var queued = Assert.Single(await AttachmentsAsync(key));
        Assert.Equal(consent, queued.Content); // kept until it is delivered

        await using var accepting = await SmtpServer.AcceptingAsync(host.SmtpPort);
        Assert.True((await DeliverAsync()).Sent >= 1);

        var stored = Assert.Single(accepting.Messages(), m => m.Contains("Subject: Your signed consent to treatment", StringComparison.Ordinal));
        using var received = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored)));
        Assert.Equal("multipart/mixed", received.Body!.ContentType.MimeType);
        Assert.Equal("Attached.", received.TextBody!.Split('\n')[0].TrimEnd());
        var file = Assert.IsType<MimeKit.MimePart>(Assert.Single(received.Attachments));
        Assert.Equal(("consent-to-treatment.pdf", "application/pdf"), (file.FileName, file.ContentType.MimeType));
        using var content = new MemoryStream();
        await file.Content!.DecodeToAsync(content, TestContext.Current.CancellationToken);
        Assert.Equal(consent, content.ToArray());

        var logged = Assert.Single(await AttachmentsAsync(key));
        Assert.Equal(("consent-to-treatment.pdf", 12), (logged.FileName, logged.Size));
        Assert.Null(logged.Content); // a copy of someone's signed consent does not stay in the e-mail log
    }

    [Fact]
    public async Task Attachments_over_the_limits_are_refused_and_nothing_is_queued()
    {
        var key = $"test:{Guid.NewGuid()}";
        var oversized = new EmailAttachment("scan.pdf", "application/pdf", new byte[2 * 1024 * 1024 + 1]);
        var tooLarge = await Assert.ThrowsAsync<ArgumentException>(() =>
            QueueAsync(new EmailMessage("gil@personas.test", "Scan", "Attached.", null, "scan", key, Attachments: [oversized])));
        Assert.Contains("scan.pdf is 2,097,153 bytes; an attachment may be at most 2,097,152 bytes (2 MB)", tooLarge.Message);

        var six = Enumerable.Range(1, 6).Select(i => new EmailAttachment($"page-{i}.pdf", "application/pdf", [1])).ToList();
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() =>
            QueueAsync(new EmailMessage("gil@personas.test", "Scan", "Attached.", null, "scan", key, Attachments: six)));
        Assert.Contains("at most 5 attachments; this one has 6", tooMany.Message);
        Assert.Empty(await MessagesAsync(key));
    }

    private Task<List<EmailAttachmentRecord>> AttachmentsAsync(string key) =>
        host.InScopeAsync(scope =>
        {
            var db = scope.Resolve<AccountsDbContext>();
            return db.EmailAttachments.AsNoTracking().Where(a => db.Emails.Any(e => e.Id == a.EmailId && e.IdempotencyKey == key)).ToListAsync();
        });

    private Task<int> QueueAsync(EmailMessage message) =>
        host.InScopeAsync(async scope => { await scope.Resolve<IEmailSender>().QueueAsync(message, CancellationToken.None); return 0; });

    private Task<EmailDeliveryReport> DeliverAsync() =>
        host.InScopeAsync(scope => scope.Resolve<IMediator>().Send(new DeliverQueuedEmails(), CancellationToken.None));

    private Task<List<EmailRecord>> MessagesAsync(string key) =>
        host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.AsNoTracking().Where(e => e.IdempotencyKey == key).ToListAsync());
}

/// <summary>Without an SMTP server the message becomes an .eml file in the mail folder, recorded as such, never as sent.</summary>
[Trait("Category", "Persistence")]
public sealed class MailFolderTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task Without_smtp_a_message_is_written_to_the_mail_folder()
    {
        var key = $"test:{Guid.NewGuid()}";
        await host.InScopeAsync(async scope => { await scope.Resolve<IEmailSender>().QueueAsync(new EmailMessage("cy@personas.test", "Welcome", "Hello.", "<p>Hello.</p>", "welcome", key), CancellationToken.None); return 0; });
        var report = await host.InScopeAsync(scope => scope.Resolve<IMediator>().Send(new DeliverQueuedEmails(), CancellationToken.None));
        Assert.True(report.WrittenToFolder >= 1);

        var message = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.AsNoTracking().SingleAsync(e => e.IdempotencyKey == key));
        Assert.Equal(EmailStatus.WrittenToFolder, message.Status);
        var path = message.ServerResponse!["written to folder: ".Length..];
        Assert.Equal(Path.Combine(host.Factory.Database.DataDirectory, "mail"), Path.GetDirectoryName(path));
        var eml = await File.ReadAllTextAsync(path);
        Assert.Contains("Subject: Welcome", eml);
        Assert.Contains("To: cy@personas.test", eml);
    }

    [Fact]
    public async Task Without_smtp_an_attachment_is_written_into_the_eml_file_and_then_removed_from_the_log()
    {
        var key = $"test:{Guid.NewGuid()}";
        var note = System.Text.Encoding.UTF8.GetBytes("Bring loose clothing.");
        await host.InScopeAsync(async scope =>
        {
            await scope.Resolve<IEmailSender>().QueueAsync(new EmailMessage("hal@personas.test", "Before your visit", "See the note.", null, "note", key,
                Attachments: [new EmailAttachment("note.txt", "text/plain", note)]), CancellationToken.None);
            return 0;
        });
        await host.InScopeAsync(scope => scope.Resolve<IMediator>().Send(new DeliverQueuedEmails(), CancellationToken.None));

        var message = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.AsNoTracking().Include(e => e.Attachments).SingleAsync(e => e.IdempotencyKey == key));
        Assert.Equal(EmailStatus.WrittenToFolder, message.Status);
        using var eml = await MimeKit.MimeMessage.LoadAsync(message.ServerResponse!["written to folder: ".Length..], TestContext.Current.CancellationToken);
        var file = Assert.IsType<MimeKit.TextPart>(Assert.Single(eml.Attachments));
        Assert.Equal(("note.txt", "Bring loose clothing."), (file.FileName, file.Text));
        var logged = Assert.Single(message.Attachments);
        Assert.Equal(("note.txt", 21), (logged.FileName, logged.Size));
        Assert.Null(logged.Content);
    }

    [Fact]
    public async Task The_scheduled_run_delivers_queued_mail()
    {
        var key = $"test:{Guid.NewGuid()}";
        await host.InScopeAsync(async scope => { await scope.Resolve<IEmailSender>().QueueAsync(new EmailMessage("di@personas.test", "Reminder", "Tomorrow at ten.", null, "reminder", key), CancellationToken.None); return 0; });

        await host.InScopeAsync(scope => scope.Resolve<IMediator>().Send(new RunEmailDelivery(), CancellationToken.None));

        var message = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.AsNoTracking().SingleAsync(e => e.IdempotencyKey == key));
        Assert.Equal(EmailStatus.WrittenToFolder, message.Status);
        Assert.Equal(1, message.Attempts);
    }
}
