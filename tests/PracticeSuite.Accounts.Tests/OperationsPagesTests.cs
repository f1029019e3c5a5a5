using System.Net;
using AngleSharp.Html.Parser;
using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>The messaging issue's operations pages, as the manager who runs the clinic sees them.</summary>
[Trait("Category", "Persistence")]
public sealed class OperationsPagesTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    private static readonly HtmlParser Html = new();

    [Fact]
    public async Task A_manager_sees_every_job_with_its_next_run_and_history()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var page = await Html.ParseDocumentAsync(await manager.GetStringAsync("/Operations/Jobs", TestContext.Current.CancellationToken));

        var sweep = page.QuerySelector("tr[data-job='Platform.messaging-sweep']");
        Assert.NotNull(sweep);
        Assert.Contains("Relays outbox messages", sweep.TextContent);
        Assert.DoesNotContain("not scheduled", sweep.Children[2].TextContent);
        Assert.NotNull(page.QuerySelector("tr[data-job='Platform.messaging-purge']"));
        Assert.NotNull(page.QuerySelector("tr[data-job='Gamma.count-receipts']"));
        Assert.NotNull(page.QuerySelector("nav a[href='/Operations/Jobs']"));
    }

    [Fact]
    public async Task A_manager_sees_a_parked_message_with_its_error_and_retries_it()
    {
        var messageId = Guid.CreateVersion7();
        await host.InScopeAsync(async scope =>
        {
            var gamma = scope.ResolveKeyed<ModuleDbContext>("Gamma");
            gamma.Inbox.Add(new InboxMessage
            {
                MessageId = messageId,
                Type = "alpha.visit-recorded.v1",
                Payload = $"{{\"visitId\":\"{Guid.NewGuid()}\",\"visitorName\":\"ops-retried\"}}",
                CorrelationId = "ops-page",
                OccurredAt = DateTime.UtcNow,
                ReceivedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
                Attempts = 5,
                LastError = "Gamma was down for maintenance.",
                ParkedAt = DateTime.UtcNow,
            });
            return await gamma.SaveChangesAsync();
        });

        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var page = await Html.ParseDocumentAsync(await manager.GetStringAsync("/Operations/Messages", TestContext.Current.CancellationToken));
        var row = page.QuerySelector($"tr[data-message='{messageId}']");
        Assert.NotNull(row);
        Assert.Contains("Gamma was down for maintenance.", row.TextContent);

        var retried = await AccountsFixture.PostFormAsync(manager, "/Operations/Messages?handler=Retry",
            new() { ["module"] = "Gamma", ["messageId"] = messageId.ToString() }, "/Operations/Messages");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);

        var after = await host.InScopeAsync(scope => scope.ResolveKeyed<ModuleDbContext>("Gamma").Inbox.AsNoTracking().SingleAsync(m => m.MessageId == messageId));
        Assert.Null(after.ParkedAt);
        Assert.Equal(0, after.Attempts);
    }

    [Fact]
    public async Task A_therapist_may_not_open_the_operations_pages()
    {
        var therapist = await host.SignedInClientAsync(host.Personas.TherapistA.Email);
        var response = await therapist.GetAsync("/Operations/Messages", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/Status/403", response.Headers.Location?.OriginalString);
    }
}
