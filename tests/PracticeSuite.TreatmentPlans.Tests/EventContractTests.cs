using System.Net.Http.Json;
using Xunit;

namespace PracticeSuite.TreatmentPlans.Tests;

/// <summary>
/// Each event the module publishes, by stable name and exact payload (Reminders and reports read them); and the module's
/// share of a client's export and erasure. Expected payloads are written out by hand.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class EventContractTests(TreatmentPlansHost host) : IClassFixture<TreatmentPlansHost>
{
    private async Task<List<(string Type, string Payload)>> PublishedByAsync(Func<Task> act)
    {
        var before = (await host.OutboxAsync()).Select(m => m.Id).ToHashSet();
        await act();
        return (await host.OutboxAsync()).Where(m => !before.Contains(m.Id)).Select(m => (m.Type, m.Payload)).ToList();
    }

    private async Task<(Guid Client, Guid Plan)> ActivePlanAsync()
    {
        var client = await host.ClientOfTherapistAAsync();
        var plan = await host.TherapistA().DraftPlanAsync(client);
        await host.TherapistA().AddPainGoalAsync(plan);
        await (await host.TherapistA().PostAsync($"/api/treatmentplans/plans/{plan}/activate", null)).EnsureSuccessAsync();
        return (client, plan);
    }

    [Fact]
    public async Task Starting_a_plan_publishes_plan_activated_with_its_session_count_and_reassessment_date()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var client = await host.ClientOfTherapistAAsync();
        var plan = await host.TherapistA().DraftPlanAsync(client);
        await host.TherapistA().AddPainGoalAsync(plan);

        var published = await PublishedByAsync(async () => await (await host.TherapistA().PostAsync($"/api/treatmentplans/plans/{plan}/activate", null)).EnsureSuccessAsync());

        Assert.Equal(
            [("treatmentplans.plan-activated.v1",
                $$"""{"planId":"{{plan}}","clientId":"{{client}}","therapistId":"{{People.TherapistA}}","plannedSessions":10,"reassessOn":"2026-12-31","activatedAt":"2026-11-20T10:00:00Z"}""")],
            published);
    }

    [Fact]
    public async Task Completing_a_plan_publishes_plan_completed_with_the_sessions_used()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var (client, plan) = await ActivePlanAsync();
        host.Factory.Clock.AdjustTime(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero));

        var published = await PublishedByAsync(async () => await (await host.TherapistA().PostAsync($"/api/treatmentplans/plans/{plan}/complete", null)).EnsureSuccessAsync());

        Assert.Equal(
            [("treatmentplans.plan-completed.v1",
                $$"""{"planId":"{{plan}}","clientId":"{{client}}","therapistId":"{{People.TherapistA}}","sessionsUsed":0,"completedAt":"2026-11-21T09:30:00Z"}""")],
            published);
    }

    [Fact]
    public async Task Discontinuing_publishes_plan_discontinued_saying_whether_it_had_started_and_no_reason_text()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var client = await host.ClientOfTherapistAAsync();
        var draft = await host.TherapistA().DraftPlanAsync(client);

        var published = await PublishedByAsync(async () =>
            await (await host.TherapistA().PostAsJsonAsync($"/api/treatmentplans/plans/{draft}/discontinue", new { reason = "Client chose another clinic" })).EnsureSuccessAsync());

        Assert.Equal(
            [("treatmentplans.plan-discontinued.v1",
                $$"""{"planId":"{{draft}}","clientId":"{{client}}","therapistId":"{{People.TherapistA}}","wasActive":false,"discontinuedAt":"2026-11-20T10:00:00Z"}""")],
            published);
    }

    [Fact]
    public async Task The_export_holds_the_assessments_and_plans_and_erasure_keeps_them_closing_the_open_plan()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var (client, plan) = await ActivePlanAsync();
        var assessment = await host.TherapistA().StartAssessmentAsync(client);
        await (await host.TherapistA().PostAsJsonAsync($"/api/treatmentplans/assessments/{assessment}/trigger-points",
            new { muscle = "piriformis", side = "Left", active = false, referralZones = new[] { "buttock-left" }, tenderness = 4 })).EnsureSuccessAsync();

        var export = await host.Manager().GetJsonAsync($"/api/clients/{client}/export");
        var section = export["sections"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Assessments and treatment plans")!["data"]!;
        var point = section["assessments"]!.AsArray().Single()!["triggerPoints"]!.AsArray().Single()!;
        Assert.Equal("Piriformis", point["muscle"]!.GetValue<string>());
        Assert.Equal("latent", point["kind"]!.GetValue<string>());
        Assert.Equal(["Buttock, left"], point["referralFelt"]!.AsArray().Select(z => z!.GetValue<string>()));
        var exported = section["plans"]!.AsArray().Single()!;
        Assert.Equal("Tension-type headache", exported["conditions"]!.GetValue<string>());
        Assert.Equal("Weekly for 6 sessions, then fortnightly for 4 sessions", exported["frequency"]!.GetValue<string>());

        await (await host.Manager().PostAsJsonAsync($"/api/clients/{client}/erase", new { confirmed = true })).EnsureSuccessAsync();
        await host.DeliverMessagesAsync();

        // Clinical records stay for the retention period; the open plan is closed so nothing acts for the erased client.
        var kept = await host.Manager().GetJsonAsync($"/api/treatmentplans/plans/{plan}");
        Assert.Equal("Discontinued", kept["status"]!.GetValue<string>());
        Assert.Equal("The client's personal data was erased at their request.", kept["discontinuedReason"]!.GetValue<string>());
        Assert.Equal("Tension-type headache", kept["conditions"]!.GetValue<string>());
        Assert.Contains(await host.OutboxAsync(), m => m.Type == "treatmentplans.plan-discontinued.v1" && m.Payload.Contains($"\"planId\":\"{plan}\",", StringComparison.Ordinal)
            && m.Payload.Contains("\"wasActive\":true", StringComparison.Ordinal));
    }
}
