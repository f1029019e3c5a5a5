using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PracticeSuite.Platform.Tests;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// /health (issue 16, item 13): anyone — a load balancer, a monitor — learns only whether the host is healthy; the
/// checks' names, timings and descriptions (the database provider, the job server) are for a signed-in manager.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class HealthTests(SignedInHostFixture host) : IClassFixture<SignedInHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("anonymous")]
    [InlineData(nameof(PracticeRole.Client))]
    [InlineData(nameof(PracticeRole.Therapist))]
    [InlineData(nameof(PracticeRole.Reception))]
    public async Task Anyone_but_a_manager_gets_the_status_as_a_word_and_nothing_about_the_checks(string caller)
    {
        var client = host.Factory.CreateClient();
        if (Enum.TryParse<PracticeRole>(caller, out var role))
        {
            client.As(role, "user-" + caller, clientId: role == PracticeRole.Client ? Guid.NewGuid() : null, therapistId: role == PracticeRole.Therapist ? Guid.NewGuid() : null);
        }

        var response = await HealthyAsync(client);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_manager_gets_each_checks_status_duration_and_description_and_the_database_is_really_queried()
    {
        var response = await HealthyAsync(host.Factory.CreateClient().As(PracticeRole.Manager, "user-manager"));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var database = health.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal($"{host.Factory.Database.Provider} answered.", database.GetProperty("description").GetString());
        Assert.True(database.GetProperty("durationMs").GetDouble() >= 0);
        Assert.Equal(["database", "jobs"], health.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    /// <summary>/health once every check is healthy: the job server announces itself a moment after start-up (503 until then).</summary>
    private static async Task<HttpResponseMessage> HealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync("/health", Ct);
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return response;
            }

            await Task.Delay(200, Ct);
        }
    }
}
