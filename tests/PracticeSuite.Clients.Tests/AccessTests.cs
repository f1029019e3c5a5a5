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
}
