using System.Net;
using System.Net.Http.Json;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>
/// What the pipeline audits for the module's requests: one entry per request and client, named by the page's main
/// read; the header and flags a page assembles add nothing; every change has its own entry.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class AuditTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    private Browser Manager => Browser.For(host.Factory, PracticeRole.Manager, "user-manager");

    [Theory]
    [InlineData("", "clients.record.read")]
    [InlineData("/Intake", "clients.intake.read")]
    [InlineData("/History", "clients.history.read")]
    public async Task One_view_of_a_page_writes_exactly_one_entry_named_by_what_it_shows(string page, string action)
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("open-wound", ["neck"])))).EnsureSuccessAsync();
        var before = EntriesFor(id);

        await Manager.OpenAsync($"/Clients/{id}{page}");

        var written = EntriesFor(id).Skip(before.Count).ToList();
        var entry = Assert.Single(written);
        Assert.Equal(action, entry.Action.Code);
        Assert.Equal(AuditKind.Read, entry.Action.Kind);
    }

    [Fact]
    public async Task One_GET_of_the_record_in_the_API_writes_one_entry_and_each_change_its_own()
    {
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());
        Assert.Equal(["clients.record.registered"], EntriesFor(id).Select(e => e.Action.Code));

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/clients/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/clients/{id}")).StatusCode);
        await (await manager.PostAsync($"/api/clients/{id}/archive", null)).EnsureSuccessAsync();
        await (await manager.PostAsync($"/api/clients/{id}/restore", null)).EnsureSuccessAsync();

        // Two requests, two reads: the once-per-client rule holds within a request, not across them.
        Assert.Equal(
            ["clients.record.registered", "clients.record.read", "clients.record.read", "clients.record.archived", "clients.record.restored"],
            EntriesFor(id).Select(e => e.Action.Code));
    }

    [Fact]
    public async Task A_record_the_caller_may_not_see_writes_no_entry()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        var before = EntriesFor(id).Count;
        var stranger = host.Factory.CreateClient().As(PracticeRole.Therapist, "user-stranger", therapistId: Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/clients/{id}")).StatusCode);
        Assert.Equal(before, EntriesFor(id).Count);
    }

    private List<AuditSubject> EntriesFor(Guid clientId) => host.Factory.Audit.Entries.Where(e => e.ClientId == clientId).ToList();
}
