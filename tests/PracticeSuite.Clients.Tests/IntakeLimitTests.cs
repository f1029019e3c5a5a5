using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>At most 20 intake versions per client in a clinic day (issue 16), refused as a 409 problem that says why; the next clinic day takes more.</summary>
[Trait("Category", "Persistence")]
public sealed class IntakeLimitTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    [Fact]
    public async Task The_twenty_first_intake_of_a_clinic_day_is_refused_and_the_next_day_is_taken()
    {
        host.Factory.Clock.AdjustTime(new DateTime(2026, 11, 20, 0, 30, 0, DateTimeKind.Utc));
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());
        for (var i = 0; i < 20; i++)
        {
            await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake())).EnsureSuccessAsync();
            host.Factory.Clock.Advance(TimeSpan.FromMinutes(70)); // the twentieth at 22:40, still the same day in London
        }

        var refused = await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake());
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("intake.daily-limit", problem["code"]!.GetValue<string>());
        Assert.Contains("20 times today", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        host.Factory.Clock.AdjustTime(new DateTime(2026, 11, 21, 0, 5, 0, DateTimeKind.Utc));
        var nextDay = await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake());
        await nextDay.EnsureSuccessAsync();
        Assert.Equal(21, JsonNode.Parse(await nextDay.Content.ReadAsStringAsync())!["version"]!.GetValue<int>());
    }
}
