using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>
/// One host and database per test class with Clients and Scheduling, the platform's doubles (e-mail recorded) and the
/// clock at Friday 20 November 2026, 10:00 UTC (10:00 in London). The catalogue is seeded as in a new clinic.
/// </summary>
public class SchedulingHost() : ModuleTestHost("Scheduling")
{
    protected override bool RecordsEmail => true;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        base.Settings.Concat([new KeyValuePair<string, string?>("Modules:Clients:Enabled", "true")]).ToDictionary();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedPersonasAsync();
    }
}

public static class Api
{
    private static int _counter;

    /// <summary>Registers a client (no intake: they may not be treated yet) and returns the id.</summary>
    public static async Task<Guid> NewClientAsync(this SchedulingHost host, string? email = null)
    {
        var n = Interlocked.Increment(ref _counter);
        var response = await host.Manager().PostAsJsonAsync("/api/clients", new Dictionary<string, object?>
        {
            ["givenName"] = $"Given{n}",
            ["familyName"] = $"Family{n}",
            ["dateOfBirth"] = "1980-05-17",
            ["email"] = email ?? $"person{n}.{Guid.NewGuid():N}@example.com",
            ["timeZone"] = "Europe/London",
            ["pressurePreference"] = "Medium",
            ["confirmedNotDuplicate"] = true,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"register: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonArray> ServicesAsync(this SchedulingHost host) => (await host.Manager().GetJsonAsync("/api/scheduling/services")).AsArray();

    /// <summary>The seeded 60-minute NMT service (15 minutes' buffer after it, a room needed).</summary>
    public static async Task<Guid> Nmt60Async(this SchedulingHost host) =>
        (await host.ServicesAsync()).Single(s => s!["name"]!.GetValue<string>() == "Neuromuscular therapy, 60 minutes")!["id"]!.GetValue<Guid>();

    public static Dictionary<string, object?> Booking(Guid clientId, Guid serviceId, string date, string time, Guid? therapistId = null, Guid? roomId = null) => new()
    {
        ["clientId"] = clientId,
        ["serviceId"] = serviceId,
        ["therapistId"] = therapistId ?? People.TherapistA,
        ["roomId"] = roomId,
        ["date"] = date,
        ["time"] = time,
    };

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, Dictionary<string, object?> booking) =>
        client.PostAsJsonAsync("/api/scheduling/appointments", booking);

    public static async Task<Guid> BookedAsync(this HttpClient client, Dictionary<string, object?> booking)
    {
        var response = await client.BookAsync(booking);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"book: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    public static async Task<string> ProblemCodeAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 409, $"expected 409, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["code"]!.GetValue<string>();
    }
}
