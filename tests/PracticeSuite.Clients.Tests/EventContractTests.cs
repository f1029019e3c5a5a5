using System.Net.Http.Json;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>
/// For every command that publishes: the events it writes to the outbox, by stable name and exact payload. Other
/// modules rely on these: a renamed field, a lost event or a wrong value breaks them silently.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class EventContractTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    /// <summary>Runs <paramref name="act"/> and returns what it added to the outbox, as (name, payload).</summary>
    private async Task<List<(string Type, string Payload)>> PublishedByAsync(Func<Task> act)
    {
        var before = (await host.OutboxAsync()).Select(m => m.Id).ToHashSet();
        await act();
        return (await host.OutboxAsync()).Where(m => !before.Contains(m.Id)).Select(m => (m.Type, m.Payload)).ToList();
    }

    private static (string, string) Event(string type, string payload) => (type, payload);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> _names = new();

    private async Task<Guid> RegisteredAsync()
    {
        var details = Api.NewClient();
        var id = await host.Manager().RegisterAsync(details);
        _names[id] = Api.FullName(details);
        return id;
    }

    private async Task SignConsentAsync(Guid id)
    {
        var consent = await host.Manager().GetJsonAsync("/api/clients/consent");
        await (await host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/consent",
            new { version = consent["version"]!.GetValue<int>(), typedName = _names[id], agreed = true })).EnsureSuccessAsync();
    }

    [Fact]
    public async Task Registering_publishes_client_registered_with_the_id_only()
    {
        var id = Guid.Empty;
        var published = await PublishedByAsync(async () => id = await RegisteredAsync());

        Assert.Equal([Event("clients.client-registered.v1", $$"""{"clientId":"{{id}}"}""")], published);
    }

    [Fact]
    public async Task Changing_details_contact_preferences_or_care_team_publishes_details_changed()
    {
        var id = await RegisteredAsync();
        var manager = host.Manager();
        var expected = Event("clients.client-details-changed.v1", $$"""{"clientId":"{{id}}"}""");

        var details = Api.NewClient(givenName: "Renamed");
        Assert.Equal([expected], await PublishedByAsync(async () =>
            await (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}", details)).EnsureSuccessAsync()));
        Assert.Equal([expected], await PublishedByAsync(async () =>
            await (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/contact-preferences",
                new { preferences = new[] { new { kind = "ReviewRequests", channel = "Email", allowed = true } } })).EnsureSuccessAsync()));
        Assert.Equal([expected], await PublishedByAsync(async () =>
            await (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/care-team",
                new { therapistIds = Array.Empty<Guid>() })).EnsureSuccessAsync()));
    }

    [Fact]
    public async Task Archiving_and_restoring_publish_their_events()
    {
        var id = await RegisteredAsync();
        var manager = host.Manager();

        Assert.Equal([Event("clients.client-archived.v1", $$"""{"clientId":"{{id}}"}""")],
            await PublishedByAsync(async () => await (await manager.PostAsync($"/api/clients/{id}/archive", null)).EnsureSuccessAsync()));
        Assert.Equal([Event("clients.client-restored.v1", $$"""{"clientId":"{{id}}"}""")],
            await PublishedByAsync(async () => await (await manager.PostAsync($"/api/clients/{id}/restore", null)).EnsureSuccessAsync()));
    }

    [Fact]
    public async Task An_intake_that_raises_a_clearance_flag_publishes_that_no_plan_may_start()
    {
        var id = await RegisteredAsync();
        await SignConsentAsync(id);

        var published = await PublishedByAsync(async () =>
            await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("heart-condition", [])))).EnsureSuccessAsync());

        Assert.Equal([Event("clients.screening-changed.v1", $$"""{"clientId":"{{id}}","mayStartPlan":false}""")], published);
    }

    [Fact]
    public async Task Recording_a_clearance_that_allows_treatment_publishes_that_a_plan_may_start()
    {
        var id = await RegisteredAsync();
        await SignConsentAsync(id);
        var manager = host.Manager();
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("heart-condition", [])))).EnsureSuccessAsync();
        var flagId = (await manager.GetJsonAsync($"/api/clients/{id}/eligibility"))["flags"]!.AsArray().Single()!["id"]!.GetValue<Guid>();

        var published = await PublishedByAsync(async () =>
            await (await manager.PostAsJsonAsync($"/api/clients/{id}/flags/{flagId}/clearance",
                new { physician = "Dr Grey", clearedOn = "2026-11-19", outcome = "NoRestriction" })).EnsureSuccessAsync());

        Assert.Equal([Event("clients.screening-changed.v1", $$"""{"clientId":"{{id}}","mayStartPlan":true}""")], published);
    }

    [Fact]
    public async Task Erasing_publishes_client_erased()
    {
        var id = await RegisteredAsync();

        var published = await PublishedByAsync(async () =>
            await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/erase", new { confirmed = true })).EnsureSuccessAsync());

        Assert.Contains(Event("clients.client-erased.v1", $$"""{"clientId":"{{id}}"}"""), published);
    }

    [Fact]
    public void Each_event_of_the_module_has_its_own_stable_name()
    {
        Assert.NotNull(host.Factory.Server); // the host has loaded the module's Contracts
        var contracts = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "PracticeSuite.Modules.Clients.Contracts");
        var events = contracts.GetExportedTypes()
            .Where(t => typeof(SharedKernel.Messaging.IIntegrationEvent).IsAssignableFrom(t))
            .ToDictionary(t => t.Name, IntegrationEventNames.Of);

        Assert.Equal(new Dictionary<string, string>
        {
            ["ClientRegistered"] = "clients.client-registered.v1",
            ["ClientDetailsChanged"] = "clients.client-details-changed.v1",
            ["ClientScreeningChanged"] = "clients.screening-changed.v1",
            ["ClientArchived"] = "clients.client-archived.v1",
            ["ClientRestored"] = "clients.client-restored.v1",
            ["ClientErased"] = "clients.client-erased.v1",
        }, events);
    }
}
