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
    public async Task A_manager_opens_the_job_dashboard_and_sees_every_recurring_job()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var overview = await manager.GetStringAsync("/Operations/Jobs", TestContext.Current.CancellationToken);
        Assert.Contains("PracticeSuite background jobs", overview);

        var recurring = await manager.GetStringAsync("/Operations/Jobs/recurring", TestContext.Current.CancellationToken);
        Assert.Contains("Platform.messaging-sweep", recurring);
        Assert.Contains("Platform.messaging-purge", recurring);
        Assert.Contains("Gamma.count-receipts", recurring);
        Assert.Contains("Relays outbox messages", recurring); // the job's description is its display name
        Assert.DoesNotContain(host.Factory.Database.DataDirectory, recurring); // the storage's location stays hidden
        Assert.DoesNotContain("Password=", recurring);

        var home = await Html.ParseDocumentAsync(await manager.GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.NotNull(home.QuerySelector("nav a[href='/Operations/Jobs']"));
    }

    [Fact]
    public async Task The_dashboards_actions_need_the_antiforgery_token()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var page = await Html.ParseDocumentAsync(await manager.GetStringAsync("/Operations/Jobs/recurring", TestContext.Current.CancellationToken));
        var header = page.QuerySelector("meta[name='csrf-header']")!.GetAttribute("content")!;
        var token = page.QuerySelector("meta[name='csrf-token']")!.GetAttribute("content")!;

        var withoutToken = await manager.PostAsync("/Operations/Jobs/recurring/trigger",
            new FormUrlEncodedContent([new("jobs[]", "Gamma.count-receipts")]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Operations/Jobs/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "Gamma.count-receipts")]),
        };
        request.Headers.Add(header, token);
        var withToken = await manager.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, withToken.StatusCode);
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_a_therapist_is_refused_the_job_dashboard()
    {
        var visitor = await host.CreateClient().GetAsync("/Operations/Jobs/recurring", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=%2FOperations%2FJobs%2Frecurring", visitor.Headers.Location?.ToString());

        var therapist = await host.SignedInClientAsync(host.Personas.TherapistA.Email);
        var refused = await therapist.GetAsync("/Operations/Jobs", TestContext.Current.CancellationToken);
        Assert.Equal("/Status/403", refused.Headers.Location?.OriginalString);
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
