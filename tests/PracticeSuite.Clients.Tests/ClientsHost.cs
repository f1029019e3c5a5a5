using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>One host and database per test class, with the Clients module and the platform's test doubles (e-mail recorded).</summary>
public class ClientsHost() : ModuleTestHost("Clients")
{
    protected override bool RecordsEmail => true;
}

public static class Api
{
    private static int _counter;

    /// <summary>A valid registration body with a unique name and e-mail.</summary>
    public static Dictionary<string, object?> NewClient(string? givenName = null, string? familyName = null, string? email = null, string? phone = null, string dateOfBirth = "1980-05-17")
    {
        var n = Interlocked.Increment(ref _counter);
        return new Dictionary<string, object?>
        {
            ["givenName"] = givenName ?? $"Given{n}",
            ["familyName"] = familyName ?? $"Family{n}",
            ["dateOfBirth"] = dateOfBirth,
            ["email"] = email ?? $"person{n}.{Guid.NewGuid():N}@example.com",
            ["phone"] = phone ?? "+44 20 7946 0000",
            ["timeZone"] = "Europe/London",
            ["pressurePreference"] = "Medium",
        };
    }

    /// <summary>The name a client registered with <paramref name="details"/> types to sign the consent.</summary>
    public static string FullName(Dictionary<string, object?> details) => $"{details["givenName"]} {details["familyName"]}";

    public static async Task<Guid> RegisterAsync(this HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/clients", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"register: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    /// <summary>A complete intake with every screening question answered "no", except those named.</summary>
    public static Dictionary<string, object?> Intake(params (string Key, string[] Areas)[] yes) => ClientRecords.Intake(yes);

    public static string[] QuestionKeys => ClientRecords.QuestionKeys;
}
