using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Testing;

/// <summary>Clients as other modules' tests need them: registered, with an intake, a signed consent and a care team, over the HTTP API.</summary>
public static class ClientRecords
{
    private static int _counter;

    /// <summary>The screening questions of the shipped intake, in its order.</summary>
    public static readonly string[] QuestionKeys =
    [
        "cancer-treatment", "clotting", "recent-surgery", "heart-condition", "pregnancy", "open-wound", "skin-infection",
        "recent-fracture", "varicose-veins", "acute-inflammation", "anticoagulants", "osteoporosis", "diabetes-sensation",
        "low-pain-threshold", "fever", "acute-illness", "intoxication",
    ];

    /// <summary>A complete intake with every screening question answered "no", except those named.</summary>
    public static Dictionary<string, object?> Intake(params (string Key, string[] Areas)[] yes) => new()
    {
        ["reasonForVisit"] = "Neck pain after long days at the desk",
        ["goals"] = "Neck pain at or below 3/10",
        ["conditions"] = new[] { "neck-pain", "tension-headaches" },
        ["screening"] = QuestionKeys.Select(key => new Dictionary<string, object?>
        {
            ["questionKey"] = key,
            ["answer"] = yes.Any(y => y.Key == key),
            ["bodyAreas"] = yes.FirstOrDefault(y => y.Key == key).Areas ?? [],
        }).ToArray(),
        ["medications"] = "None",
        ["surgeriesAndInjuries"] = new[] { new Dictionary<string, object?> { ["description"] = "Broken wrist", ["date"] = "2015-06-01" } },
        ["allergies"] = "Nut oils",
        ["previousMassage"] = true,
    };

    /// <summary>Registers a client as the manager, with <paramref name="careTeam"/> as the care team, and returns the id and name.</summary>
    public static async Task<(Guid Id, string Name)> RegisterAsync(ModuleTestHost host, params Guid[] careTeam)
    {
        var n = Interlocked.Increment(ref _counter);
        var manager = host.Manager();
        var name = (Given: $"Given{n}", Family: $"Family{n}");
        var response = await manager.PostAsJsonAsync("/api/clients", new Dictionary<string, object?>
        {
            ["givenName"] = name.Given,
            ["familyName"] = name.Family,
            ["dateOfBirth"] = "1980-05-17",
            ["email"] = $"person{n}.{Guid.NewGuid():N}@example.com",
            ["timeZone"] = "Europe/London",
            ["pressurePreference"] = "Medium",
            ["confirmedNotDuplicate"] = true,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"register: {(int)response.StatusCode} {text}");
        var id = JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
        if (careTeam.Length > 0)
        {
            await (await manager.PutAsJsonAsync($"/api/clients/{id}/care-team", new { therapistIds = careTeam })).EnsureSuccessAsync();
        }

        return (id, $"{name.Given} {name.Family}");
    }

    /// <summary>Registers a client with an intake (the named answers "yes") and a signed consent: eligible unless a flag says otherwise.</summary>
    public static async Task<Guid> SignedUpAsync(ModuleTestHost host, Guid[] careTeam, params (string Key, string[] Areas)[] yes)
    {
        var (id, name) = await RegisterAsync(host, careTeam);
        var manager = host.Manager();
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Intake(yes))).EnsureSuccessAsync();
        var consent = await manager.GetJsonAsync("/api/clients/consent");
        await (await host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/consent", new { version = consent["version"]!.GetValue<int>(), typedName = name, agreed = true }))
            .EnsureSuccessAsync();
        return id;
    }

    /// <summary>Records a physician's clearance (no restriction) of the client's only flag that requires one.</summary>
    public static async Task ClearAsync(ModuleTestHost host, Guid clientId, string clearedOn)
    {
        var manager = host.Manager();
        var flags = (await manager.GetJsonAsync($"/api/clients/{clientId}/eligibility"))["flags"]!.AsArray();
        var flagId = flags.Single(f => f!["kind"]!.GetValue<string>() == "RequiresPhysicianClearance")!["id"]!.GetValue<Guid>();
        await (await manager.PostAsJsonAsync($"/api/clients/{clientId}/flags/{flagId}/clearance",
            new { physician = "Dr A. Example", clearedOn, outcome = "NoRestriction" })).EnsureSuccessAsync();
    }
}
