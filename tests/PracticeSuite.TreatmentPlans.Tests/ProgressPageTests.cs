using System.Net;
using System.Net.Http.Json;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.TreatmentPlans.Tests;

/// <summary>
/// A plan's progress as the therapist reads it (goals against targets, the pain chart's figures from signed notes) and
/// the client's own view in the portal: goals, progress, home care and aftercare, never the therapist's notes.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class ProgressPageTests(TreatmentPlansHost host) : IClassFixture<TreatmentPlansHost>
{
    private static int _day;

    /// <summary>An active plan (neck pain 6 → 3) with home care, one session (a day of the week of 23 November of its own) whose signed note scores neck pain 4.</summary>
    private async Task<(Guid Client, Guid Plan)> PlanWithASignedSessionAsync()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var day = 23 + Interlocked.Increment(ref _day); // Tuesday 24 to Thursday 26 November
        var therapist = host.TherapistA();
        var client = await host.ClientOfTherapistAAsync();
        var plan = await therapist.DraftPlanAsync(client);
        await therapist.AddPainGoalAsync(plan);
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/plans/{plan}/home-care",
            new { exercise = "Upper trapezius stretch", dose = "3 × 30 s, twice a day", instructions = "Drop the shoulder and tilt the ear away." })).EnsureSuccessAsync();
        await (await therapist.PostAsync($"/api/treatmentplans/plans/{plan}/activate", null)).EnsureSuccessAsync();
        var nmt60 = (await host.Manager().GetJsonAsync("/api/scheduling/services")).AsArray()
            .Single(s => s!["name"]!.GetValue<string>() == "Neuromuscular therapy, 60 minutes")!["id"]!.GetValue<Guid>();
        var course = await therapist.PostAsJsonAsync($"/api/treatmentplans/plans/{plan}/course",
            new { serviceId = nmt60, firstDate = $"2026-11-{day}", time = "16:00", occurrences = 1, intervalWeeks = 1 });
        await course.EnsureSuccessAsync();
        var appointment = System.Text.Json.Nodes.JsonNode.Parse(await course.Content.ReadAsStringAsync())!["booked"]![0]!["appointmentId"]!.GetValue<Guid>();
        host.Factory.Clock.AdjustTime(new DateTimeOffset(2026, 11, day, 16, 5, 0, TimeSpan.Zero));
        await (await host.Reception().PostAsync($"/api/scheduling/appointments/{appointment}/check-in", null)).EnsureSuccessAsync();
        var note = await therapist.PostAsync($"/api/treatmentplans/appointments/{appointment}/note", null).CreatedIdAsync();
        await (await therapist.PutAsJsonAsync($"/api/treatmentplans/notes/{note}", new
        {
            findings = "Private clinical finding: taut band", aftercare = new[] { "Hydration" },
        })).EnsureSuccessAsync();
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/notes/{note}/pain-scores", new { label = "Neck pain", score = 4 })).EnsureSuccessAsync();
        await (await therapist.PostAsync($"/api/treatmentplans/notes/{note}/sign", null)).EnsureSuccessAsync();
        return (client, plan);
    }

    [Fact]
    public async Task The_therapist_sees_each_goal_against_its_target_and_the_pain_charted_with_its_figures()
    {
        var (_, plan) = await PlanWithASignedSessionAsync();
        var page = await Browser.For(host.Factory, PracticeRole.Therapist, "user-" + People.TherapistA, therapistId: People.TherapistA)
            .OpenAsync($"/TreatmentPlans/Plans/{plan}/Progress");

        Assert.Equal("0 of 10 sessions used", page.QuerySelector("#goals .course-count")!.TextContent.Trim()); // checked in, not yet completed
        var goal = page.QuerySelector("#goals li[data-goal='Pain']")!.TextContent;
        Assert.Contains("from 6/10 to 3/10", goal, StringComparison.Ordinal);
        Assert.Contains("latest 4/10", goal, StringComparison.Ordinal);
        Assert.DoesNotContain("Met", goal, StringComparison.Ordinal);
        var pain = page.QuerySelector($"#pain-{plan:N}")!;
        Assert.NotNull(pain.QuerySelector("svg path.line"));
        Assert.Equal("4 /10", pain.QuerySelector("tbody tr:first-child td")!.TextContent.Trim());
        Assert.Matches(@"^2[4-6] Nov 2026$", pain.QuerySelector("tbody tr:first-child th")!.TextContent.Trim());
        Assert.Contains("Target: 3 /10", pain.QuerySelector(".line-chart-legend")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_sees_goals_progress_home_care_and_aftercare_but_not_the_notes()
    {
        var (client, plan) = await PlanWithASignedSessionAsync();
        var page = await Browser.For(host.Factory, PracticeRole.Client, "user-" + client, clientId: client).OpenAsync("/Portal/Plans");

        var section = page.QuerySelector($"#plan-{plan}")!;
        Assert.Contains("latest 4/10", section.QuerySelector("li[data-goal='Pain']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Upper trapezius stretch 3 × 30 s, twice a day Drop the shoulder and tilt the ear away.",
            string.Join(' ', section.QuerySelector("#home-care li")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Drink plenty of water today.", section.QuerySelector("#aftercare li")!.TextContent.Trim());
        Assert.DoesNotContain("Private clinical finding", page.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.Contains(host.Factory.Audit.Entries, e => e.Action.Code == "treatmentplans.plans.read-by-client" && e.ClientId == client);
    }

    [Fact]
    public async Task Another_client_reception_and_a_therapist_off_the_team_do_not_see_it()
    {
        var (_, plan) = await PlanWithASignedSessionAsync();
        var stranger = await host.ClientOfTherapistAAsync();

        var theirs = await Browser.For(host.Factory, PracticeRole.Client, "user-" + stranger, clientId: stranger).OpenAsync("/Portal/Plans");
        Assert.Null(theirs.QuerySelector($"#plan-{plan}"));
        Assert.Equal(HttpStatusCode.Forbidden, await Browser.For(host.Factory, PracticeRole.Reception, "user-reception").StatusAsync($"/TreatmentPlans/Plans/{plan}/Progress"));
        Assert.Equal(HttpStatusCode.NotFound,
            await Browser.For(host.Factory, PracticeRole.Therapist, "user-" + People.TherapistB, therapistId: People.TherapistB).StatusAsync($"/TreatmentPlans/Plans/{plan}/Progress"));
    }
}
