using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.TreatmentPlans.Tests;

/// <summary>
/// One host and database per test class with Clients, Scheduling and TreatmentPlans, the platform's doubles and the clock
/// at Friday 20 November 2026, 10:00 UTC (10:00 in London). The personas are seeded (client A has a draft plan).
/// </summary>
public class TreatmentPlansHost() : ModuleTestHost("TreatmentPlans")
{
    public static readonly DateTimeOffset Friday = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Modules:Clients:Enabled"] = "true",
        ["Modules:Scheduling:Enabled"] = "true",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedPersonasAsync();
    }

    /// <summary>Therapist A's client with an intake and consent; the named answers "yes" raise flags.</summary>
    public Task<Guid> ClientOfTherapistAAsync(params (string Key, string[] Areas)[] yes) => ClientRecords.SignedUpAsync(this, [People.TherapistA], yes);

    public HttpClient TherapistA() => Therapist(People.TherapistA);

    public HttpClient TherapistB() => Therapist(People.TherapistB);
}

public static class Plans
{
    public static async Task<Guid> CreatedIdAsync(this Task<HttpResponseMessage> post)
    {
        var response = await post;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    public static Task<Guid> StartAssessmentAsync(this HttpClient therapist, Guid clientId) =>
        therapist.PostAsJsonAsync($"/api/treatmentplans/clients/{clientId}/assessments", new { }).CreatedIdAsync();

    public static Task<Guid> DraftPlanAsync(this HttpClient therapist, Guid clientId, Guid? assessmentId = null) =>
        therapist.PostAsJsonAsync($"/api/treatmentplans/clients/{clientId}/plans", new
        {
            assessmentId,
            conditions = "Tension-type headache",
            techniques = new[] { "IschaemicCompression" },
            phases = new[] { new { intervalWeeks = 1, sessions = 6 }, new { intervalWeeks = 2, sessions = 4 } },
            reassessOn = "2026-12-31",
        }).CreatedIdAsync();

    public static async Task AddPainGoalAsync(this HttpClient therapist, Guid planId) =>
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/plans/{planId}/goals",
            new { measure = "Pain", description = "Neck pain", baseline = 6, target = 3, targetDate = "2027-01-15" })).EnsureSuccessAsync();

    public static async Task<string> ProblemCodeAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 409, $"expected 409, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["code"]!.GetValue<string>();
    }
}
