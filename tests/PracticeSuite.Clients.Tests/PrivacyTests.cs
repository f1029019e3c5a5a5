using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace PracticeSuite.Clients.Tests;

[Trait("Category", "Persistence")]
public sealed class PrivacyTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    [Fact]
    public async Task Export_gathers_the_whole_record_for_the_manager_and_the_client()
    {
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient("Erin", "Export"));
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("open-wound", ["neck"])))).EnsureSuccessAsync();

        var export = await manager.GetJsonAsync($"/api/clients/{id}/export");
        var record = export["sections"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Client record")!["data"]!;
        Assert.Equal("Erin", record["details"]!["givenName"]!.GetValue<string>());
        Assert.Single(record["intakes"]!.AsArray());
        Assert.Single(record["screeningFlags"]!.AsArray());
        Assert.Equal(8, record["contactPreferences"]!.AsArray().Count);

        Assert.True((await host.ClientUser(id).GetAsync($"/api/clients/{id}/export")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Therapist(People.TherapistA).GetAsync($"/api/clients/{id}/export")).StatusCode); // privacy requests: the client or a manager
        Assert.Equal(HttpStatusCode.NotFound, (await host.ClientUser(People.ClientB).GetAsync($"/api/clients/{id}/export")).StatusCode);
        Assert.Contains(host.Factory.Audit.Entries, e => e.Action.Code == "clients.record.exported" && e.ClientId == id);
    }

    [Fact]
    public async Task Erasure_removes_personal_and_health_data_erases_the_account_and_publishes_the_event()
    {
        var manager = host.Manager();
        var email = $"erase.{Guid.NewGuid():N}@example.com";
        var id = await manager.RegisterAsync(Api.NewClient("Ernest", "Erasable", email));
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("fever", [])))).EnsureSuccessAsync();
        await (await host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/consent", new { version = 1, typedName = "Ernest Erasable", agreed = true })).EnsureSuccessAsync();

        var unconfirmed = await manager.PostAsJsonAsync($"/api/clients/{id}/erase", new { confirmed = false });
        Assert.True((await unconfirmed.FieldErrorsAsync()).ContainsKey("Confirmed"));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Therapist(People.TherapistA).PostAsJsonAsync($"/api/clients/{id}/erase", new { confirmed = true })).StatusCode);

        await (await manager.PostAsJsonAsync($"/api/clients/{id}/erase", new { confirmed = true })).EnsureSuccessAsync();

        var record = await manager.GetJsonAsync($"/api/clients/{id}");
        Assert.Equal("Erased client", record["displayName"]!.GetValue<string>());
        Assert.Null(record["email"]);
        Assert.Null(record["dateOfBirth"]);
        Assert.True(record["erased"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.GetAsync($"/api/clients/{id}/intake")).StatusCode);
        var data = (await manager.GetJsonAsync($"/api/clients/{id}/export"))["sections"]!.AsArray().Single()!["data"]!;
        Assert.Empty(data["screeningFlags"]!.AsArray());
        Assert.Equal("", data["consentSignatures"]!.AsArray().Single()!["typedName"]!.GetValue<string>());
        Assert.Empty((await manager.GetJsonAsync($"/api/clients/duplicates?email={Uri.EscapeDataString(email)}"))["matches"]!.AsArray());
        Assert.Equal(0, (await manager.GetJsonAsync("/api/clients?q=Erasable"))["total"]!.GetValue<int>());
        Assert.Contains(id, host.Factory.Accounts.ErasedClients);
        Assert.Contains(await host.OutboxAsync(), m => m.Type == "clients.client-erased.v1" && m.Payload.Contains(id.ToString(), StringComparison.Ordinal));

        var change = await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}", Api.NewClient());
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
    }

    [Fact]
    public async Task The_history_is_the_clients_audit_timeline()
    {
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake())).EnsureSuccessAsync();
        await manager.GetJsonAsync($"/api/clients/{id}/intake");

        var changes = (await manager.GetJsonAsync($"/api/clients/{id}/history")).AsArray().Select(e => e!["actionCode"]!.GetValue<string>()).ToList();
        Assert.Equal(["clients.intake.submitted", "clients.record.registered"], changes); // changes only, newest first

        var everything = (await manager.GetJsonAsync($"/api/clients/{id}/history?views=true")).AsArray().Select(e => e!["actionCode"]!.GetValue<string>()).ToList();
        Assert.Contains("clients.intake.read", everything);
        Assert.Contains("clients.intake.submitted", everything);
    }
}
