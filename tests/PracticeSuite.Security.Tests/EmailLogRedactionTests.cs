using Autofac;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Accounts.Tests;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Email;
using PracticeSuite.SharedKernel.Hosting.Platform;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// No working link in the e-mail log (issue 16, defect 8): once a message is delivered, the tokens in its links are
/// removed from the stored copy, while the recipient's mail keeps a working link. Moved from the Accounts tests'
/// EmailDeliveryTests, whose SMTP delivery tests stay there.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class EmailLogRedactionTests(SmtpFixture host) : IClassFixture<SmtpFixture>
{
    [Fact]
    public async Task Once_delivered_a_link_token_is_kept_in_the_sent_mail_but_not_in_the_log()
    {
        var key = "reset-" + Guid.NewGuid().ToString("N");
        const string token = "CfDJ8Secret-Token_123";
        await QueueAsync(new EmailMessage("ivy@personas.test", "Choose a new password",
            $"Open http://localhost/Account/ResetPassword?token={token} within an hour.", $"<a href=\"http://localhost/Account/ResetPassword?token={token}\">Choose</a>", "password-reset", key));
        Assert.Contains(token, Assert.Single(await MessagesAsync(key)).TextBody); // queued: the link must still go out

        await using var accepting = await SmtpServer.AcceptingAsync(host.SmtpPort);
        Assert.Equal(1, (await DeliverAsync()).Sent);

        Assert.Contains(token, Assert.Single(accepting.Messages())); // the recipient got a working link
        var logged = Assert.Single(await MessagesAsync(key));
        Assert.DoesNotContain(token, logged.TextBody);
        Assert.DoesNotContain(token, logged.HtmlBody);
        Assert.Contains("ResetPassword?token=" + EmailRecord.RedactedToken, logged.TextBody);
    }

    private Task<int> QueueAsync(EmailMessage message) =>
        host.InScopeAsync(async scope => { await scope.Resolve<IEmailSender>().QueueAsync(message, CancellationToken.None); return 0; });

    private Task<EmailDeliveryReport> DeliverAsync() =>
        host.InScopeAsync(scope => scope.Resolve<IMediator>().Send(new DeliverQueuedEmails(), CancellationToken.None));

    private Task<List<EmailRecord>> MessagesAsync(string key) =>
        host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.AsNoTracking().Where(e => e.IdempotencyKey == key).ToListAsync());
}
