using System.Net.Http.Json;
using System.Net;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>Record-level access: a client sees only themself, a therapist only the clients they treat; others get 404.</summary>
[Trait("Category", "Persistence")]
public sealed class AccessTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    [Fact]
    public async Task Personas_get_records_with_their_care_teams_and_route_values()
    {
        var routeValues = await host.SeedPersonasAsync();
        Assert.Equal(People.ClientA.ToString(), routeValues["clientId"]);
        await host.SeedPersonasAsync(); // twice is harmless

        var team = await host.Manager().GetJsonAsync($"/api/clients/{People.ClientA}/care-team");
        Assert.Equal(People.TherapistA, team["preferredTherapistId"]!.GetValue<Guid>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/intake")]
    [InlineData("/consent")]
    [InlineData("/contact-preferences")]
    [InlineData("/summary")]
    [InlineData("/export")]
    public async Task Client_B_cannot_read_client_A(string path)
    {
        await host.SeedPersonasAsync();
        var response = await host.ClientUser(People.ClientB).GetAsync($"/api/clients/{People.ClientA}{path}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var own = await host.ClientUser(People.ClientA).GetAsync($"/api/clients/{People.ClientA}{path}");
        Assert.True(own.IsSuccessStatusCode, $"{path}: {(int)own.StatusCode}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/intake")]
    [InlineData("/flags")]
    [InlineData("/eligibility")]
    [InlineData("/history")]
    public async Task Therapist_B_cannot_read_client_A(string path)
    {
        await host.SeedPersonasAsync();
        var response = await host.Therapist(People.TherapistB).GetAsync($"/api/clients/{People.ClientA}{path}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var treating = await host.Therapist(People.TherapistA).GetAsync($"/api/clients/{People.ClientA}{path}");
        Assert.True(treating.IsSuccessStatusCode, $"{path}: {(int)treating.StatusCode}");
    }

    [Fact]
    public async Task A_client_cannot_change_another_clients_details_and_nobody_anonymous_gets_in()
    {
        await host.SeedPersonasAsync();
        var body = Api.NewClient();
        var response = await host.ClientUser(People.ClientB).SendJsonAsync(HttpMethod.Put, $"/api/clients/{People.ClientA}", body);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync($"/api/clients/{People.ClientA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientUser(People.ClientA).GetAsync("/api/clients?q=a")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Therapist(People.TherapistA).GetAsync("/api/clients/screening-rules")).StatusCode);
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_record_gets_404_before_validation_or_antiforgery()
    {
        await host.SeedPersonasAsync();
        var invalid = new { givenName = "", email = "not-an-e-mail" };
        Assert.Equal(HttpStatusCode.NotFound, (await host.ClientUser(People.ClientB).SendJsonAsync(HttpMethod.Put, $"/api/clients/{People.ClientA}", invalid)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.ClientUser(People.ClientA).SendJsonAsync(HttpMethod.Put, $"/api/clients/{People.ClientA}", invalid)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Therapist(People.TherapistB).PostAsJsonAsync($"/api/clients/{People.ClientA}/intake", new { })).StatusCode);

        // A page form posted without its antiforgery token: refused as "no such record", not as a bad request.
        var page = await host.Therapist(People.TherapistB).PostAsync($"/Clients/{People.ClientA}/Edit", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var treating = await host.Therapist(People.TherapistA).PostAsync($"/Clients/{People.ClientA}/Edit", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, treating.StatusCode);
    }

    [Fact]
    public async Task A_care_team_update_must_list_the_team_an_empty_list_clears_it()
    {
        await host.SeedPersonasAsync();
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient("Cara", "Team"));
        await (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/care-team", new { therapistIds = new[] { People.TherapistA } })).EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/care-team", new { })).StatusCode);
        Assert.Equal(People.TherapistA, (await manager.GetJsonAsync($"/api/clients/{id}/care-team"))["preferredTherapistId"]!.GetValue<Guid>());

        await (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/care-team", new { therapistIds = Array.Empty<Guid>() })).EnsureSuccessAsync();
        Assert.Null((await manager.GetJsonAsync($"/api/clients/{id}/care-team"))["preferredTherapistId"]);
    }
}
