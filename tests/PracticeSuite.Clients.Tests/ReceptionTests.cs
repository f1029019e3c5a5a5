using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>The front desk registers clients and keeps their details, sees screening flags, and never reads health answers.</summary>
[Trait("Category", "Persistence")]
public sealed class ReceptionTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    [Fact]
    public async Task Reception_registers_a_client_and_keeps_their_details()
    {
        var reception = host.Reception();
        var id = await reception.RegisterAsync(Api.NewClient(givenName: "Frontdesk"));

        await (await reception.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}", Api.NewClient(givenName: "Frontdesk", phone: "07946 000111"))).EnsureSuccessAsync();
        var record = await reception.GetJsonAsync($"/api/clients/{id}");
        Assert.Equal("07946 000111", record["phone"]!.GetValue<string>());
        var found = await reception.GetJsonAsync("/api/clients?q=Frontdesk");
        Assert.True(found["total"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task Reception_sees_a_clients_screening_flags_but_not_the_intake_answers_behind_them()
    {
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("heart-condition", [])))).EnsureSuccessAsync();
        var reception = host.Reception();

        var eligibility = await reception.GetJsonAsync($"/api/clients/{id}/eligibility");
        Assert.Contains(eligibility["blockers"]!.AsArray(), b => b!["code"]!.GetValue<string>() == "flag.clearance-required");
        Assert.Equal(HttpStatusCode.OK, (await reception.GetAsync($"/api/clients/{id}/flags")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await reception.GetAsync($"/api/clients/{id}/intake")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.GetAsync($"/api/clients/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake())).StatusCode);

        // The record page says an intake exists, without a way into it, its history or a clearance.
        var page = await reception.GetStringAsync($"/Clients/{id}");
        Assert.Contains("Version 1", page);
        Assert.DoesNotContain($"/Clients/{id}/Intake", page);
        Assert.DoesNotContain($"/Clients/{id}/History", page);
        Assert.DoesNotContain("/Clearance", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.GetAsync($"/Clients/{id}/Intake")).StatusCode);
    }
}
