using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.TreatmentPlans.Tests;

/// <summary>
/// Assessment → plan → gate → clearance → activation → course over the API, with the bad input of each step refused
/// and nothing saved, and who may see what: clinicians on the care team, never reception.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class PlanApiTests(TreatmentPlansHost host) : IClassFixture<TreatmentPlansHost>
{
    private async Task<JsonNode> AssessmentAsync(Guid id) => await host.TherapistA().GetJsonAsync($"/api/treatmentplans/assessments/{id}");

    private async Task<JsonNode> PlanAsync(Guid id) => await host.TherapistA().GetJsonAsync($"/api/treatmentplans/plans/{id}");

    [Fact]
    public async Task An_assessment_records_complaints_ranges_and_trigger_points_and_refuses_bad_findings_saving_nothing()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var therapist = host.TherapistA();
        var client = await host.ClientOfTherapistAAsync();
        var id = await therapist.StartAssessmentAsync(client);

        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/assessments/{id}/complaints",
            new { zones = new[] { "temple", "side-of-neck" }, painNow = 6, painWorst = 8, aggravating = "Desk work", since = "March" })).EnsureSuccessAsync();
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/assessments/{id}/ranges",
            new { movement = "shoulder-abduction", side = "Left", degrees = 195 })).EnsureSuccessAsync();
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/assessments/{id}/trigger-points",
            new { muscle = "upper-trapezius", side = "Right", active = true, reproducesFamiliarPain = true, referralZones = new[] { "temple" }, tenderness = 7 })).EnsureSuccessAsync();

        var refusals = new (string Path, object Body, string Field)[]
        {
            ("complaints", new { zones = new[] { "temple" }, painNow = 11, painWorst = 11 }, "PainNow"),
            ("complaints", new { zones = new[] { "temple" }, painNow = -1, painWorst = 3 }, "PainNow"),
            ("complaints", new { zones = new[] { "temple" }, painNow = 6, painWorst = 4 }, "PainWorst"),
            ("complaints", new { zones = new[] { "elbow" }, painNow = 2, painWorst = 3 }, "Zones"),
            ("complaints", new { zones = Array.Empty<string>(), painNow = 2, painWorst = 3 }, "Zones"),
            // Shoulder abduction: normal 180°, nothing past 200° is a real reading.
            ("ranges", new { movement = "shoulder-abduction", side = "Left", degrees = 201 }, "Degrees"),
            ("ranges", new { movement = "shoulder-abduction", degrees = 120 }, "Side"),
            ("ranges", new { movement = "hip-wiggle", side = "Left", degrees = 20 }, "Movement"),
            ("trigger-points", new { muscle = "upper-trapezius", tenderness = 5 }, "Side"),
            ("trigger-points", new { side = "Left", tenderness = 5 }, "Muscle"),
            ("trigger-points", new { muscle = "deltoid-ish", side = "Left", tenderness = 5 }, "Muscle"),
            ("trigger-points", new { muscle = "masseter", side = "Left", tenderness = 12 }, "Tenderness"),
            ("trigger-points", new { muscle = "masseter", side = "Left", tenderness = 2, referralZones = new[] { "moon" } }, "ReferralZones"),
        };
        foreach (var (path, body, field) in refusals)
        {
            var response = await therapist.PostAsJsonAsync($"/api/treatmentplans/assessments/{id}/{path}", body);
            Assert.True((await response.FieldErrorsAsync()).ContainsKey(field), $"{path} {System.Text.Json.JsonSerializer.Serialize(body)}: {await response.Content.ReadAsStringAsync()}");
        }

        var saved = await AssessmentAsync(id);
        var complaint = saved["complaints"]!.AsArray().Single()!;
        Assert.Equal(["temple", "side-of-neck"], complaint["zones"]!.AsArray().Select(z => z!.GetValue<string>()));
        Assert.Equal(6, complaint["painNow"]!.GetValue<int>());
        var range = saved["ranges"]!.AsArray().Single()!;
        Assert.Equal(195, range["degrees"]!.GetValue<int>());
        Assert.True(range["pastNormal"]!.GetValue<bool>()); // past 180°, shown, not refused
        var point = saved["triggerPoints"]!.AsArray().Single()!;
        Assert.Equal("upper-trapezius", point["muscle"]!.GetValue<string>());
        Assert.Equal("Right", point["side"]!.GetValue<string>());
        Assert.Contains(host.Factory.Audit.Entries, e => e.Action.Code == "treatmentplans.assessment.changed" && e.ClientId == client);
        Assert.Contains(host.Factory.Audit.Entries, e => e.Action.Code == "treatmentplans.assessment.read" && e.RecordId == id.ToString());
    }

    [Fact]
    public async Task A_plan_cannot_start_until_the_clearance_is_recorded_then_its_course_is_booked_and_counted()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var therapist = host.TherapistA();
        var client = await host.ClientOfTherapistAAsync(("heart-condition", []));
        var assessment = await therapist.StartAssessmentAsync(client);
        var plan = await therapist.DraftPlanAsync(client, assessment);

        var noGoal = await therapist.PostAsync($"/api/treatmentplans/plans/{plan}/activate", null);
        Assert.Equal("plan.no-goals", await noGoal.ProblemCodeAsync());
        await therapist.AddPainGoalAsync(plan);

        var draft = await PlanAsync(plan);
        Assert.Equal("Draft", draft["status"]!.GetValue<string>());
        Assert.Equal("flag.clearance-required", draft["blockers"]!.AsArray().Single()!["code"]!.GetValue<string>());
        Assert.NotNull(draft["blockers"]![0]!["flagId"]);
        var refused = await therapist.PostAsync($"/api/treatmentplans/plans/{plan}/activate", null);
        Assert.Equal("plan.client-not-cleared", await refused.ProblemCodeAsync());
        Assert.Equal("Draft", (await PlanAsync(plan))["status"]!.GetValue<string>());
        Assert.DoesNotContain(await host.OutboxAsync(), m => m.Type == "treatmentplans.plan-activated.v1" && m.Payload.Contains(plan.ToString(), StringComparison.Ordinal));

        await ClientRecords.ClearAsync(host, client, "2026-11-19");
        await (await therapist.PostAsync($"/api/treatmentplans/plans/{plan}/activate", null)).EnsureSuccessAsync();
        var active = await PlanAsync(plan);
        Assert.Equal("Active", active["status"]!.GetValue<string>());
        Assert.Equal("Weekly for 6 sessions, then fortnightly for 4 sessions", active["frequency"]!.GetValue<string>());
        Assert.Equal(10, active["plannedSessions"]!.GetValue<int>());
        Assert.Equal("2026-11-20", active["nextDueOn"]!.GetValue<string>()); // the first session is due the day the plan starts

        var nmt60 = (await host.Manager().GetJsonAsync("/api/scheduling/services")).AsArray()
            .Single(s => s!["name"]!.GetValue<string>() == "Neuromuscular therapy, 60 minutes")!["id"]!.GetValue<Guid>();
        var course = await therapist.PostAsJsonAsync($"/api/treatmentplans/plans/{plan}/course",
            new { serviceId = nmt60, firstDate = "2026-11-23", time = "14:00", occurrences = 3, intervalWeeks = 1 });
        await course.EnsureSuccessAsync();
        var booked = JsonNode.Parse(await course.Content.ReadAsStringAsync())!["booked"]!.AsArray();
        Assert.Equal(3, booked.Count);
        var first = booked[0]!["appointmentId"]!.GetValue<Guid>();
        var appointment = await host.Manager().GetJsonAsync($"/api/scheduling/appointments/{first}");
        Assert.Equal(plan, appointment["planId"]!.GetValue<Guid>());
        Assert.Equal(People.TherapistA, appointment["therapistId"]!.GetValue<Guid>());

        // Monday 23 November, after the first session: check in, complete; one of ten used, the next due a week on.
        host.Factory.Clock.AdjustTime(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        await (await host.Reception().PostAsync($"/api/scheduling/appointments/{first}/check-in", null)).EnsureSuccessAsync();
        await (await host.Reception().PostAsync($"/api/scheduling/appointments/{first}/complete", null)).EnsureSuccessAsync();
        var next = await therapist.GetJsonAsync($"/api/treatmentplans/plans/{plan}/next-session");
        Assert.Equal(1, next["sessionsUsed"]!.GetValue<int>());
        Assert.Equal(2, next["sessionsBooked"]!.GetValue<int>());
        Assert.Equal(10, next["plannedSessions"]!.GetValue<int>());
        Assert.Equal("2026-11-30", next["dueOn"]!.GetValue<string>());
        Assert.Equal(1, next["intervalWeeks"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_fever_today_stops_a_session_but_not_the_start_of_a_plan()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var therapist = host.TherapistA();
        var client = await host.ClientOfTherapistAAsync(("fever", []));
        var eligibility = await host.Manager().GetJsonAsync($"/api/clients/{client}/eligibility");
        Assert.False(eligibility["mayTreatNow"]!.GetValue<bool>()); // the premise: no treatment today
        var plan = await therapist.DraftPlanAsync(client);
        await therapist.AddPainGoalAsync(plan);

        Assert.Empty((await PlanAsync(plan))["blockers"]!.AsArray());
        await (await therapist.PostAsync($"/api/treatmentplans/plans/{plan}/activate", null)).EnsureSuccessAsync();
        Assert.Equal("Active", (await PlanAsync(plan))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_plans_and_goals_are_refused_and_a_closed_plan_no_longer_changes()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var therapist = host.TherapistA();
        var client = await host.ClientOfTherapistAAsync();
        var noPhases = await therapist.PostAsJsonAsync($"/api/treatmentplans/clients/{client}/plans", new { conditions = "Neck pain", phases = Array.Empty<object>() });
        Assert.True((await noPhases.FieldErrorsAsync()).ContainsKey("Phases"));
        var noConditions = await therapist.PostAsJsonAsync($"/api/treatmentplans/clients/{client}/plans", new { phases = new[] { new { intervalWeeks = 1, sessions = 4 } } });
        Assert.True((await noConditions.FieldErrorsAsync()).ContainsKey("Conditions"));
        var plan = await therapist.DraftPlanAsync(client);

        var goals = new (object Body, string Field)[]
        {
            (new { measure = "Pain", description = "Neck pain", baseline = 6, target = 11, targetDate = "2027-01-15" }, "Target"),
            (new { measure = "Pain", description = "Neck pain", baseline = 3, target = 5, targetDate = "2027-01-15" }, "Target"),
            (new { measure = "Pain", description = "Neck pain", baseline = 6, target = 3, targetDate = "2026-11-19" }, "TargetDate"),
            (new { measure = "RangeOfMotion", movement = "shoulder-abduction", side = "Left", baseline = 120, target = 210, targetDate = "2027-01-15" }, "Target"),
            (new { measure = "RangeOfMotion", movement = "shoulder-abduction", baseline = 120, target = 170, targetDate = "2027-01-15" }, "Side"),
            (new { measure = "Function", description = "Sleep through", baseline = 1, target = 6, targetDate = "2027-01-15" }, "Unit"),
        };
        foreach (var (body, field) in goals)
        {
            var response = await therapist.PostAsJsonAsync($"/api/treatmentplans/plans/{plan}/goals", body);
            Assert.True((await response.FieldErrorsAsync()).ContainsKey(field), $"{System.Text.Json.JsonSerializer.Serialize(body)}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty((await PlanAsync(plan))["goals"]!.AsArray());

        var noReason = await therapist.PostAsJsonAsync($"/api/treatmentplans/plans/{plan}/discontinue", new { reason = " " });
        Assert.True((await noReason.FieldErrorsAsync()).ContainsKey("Reason"));
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/plans/{plan}/discontinue", new { reason = "Moved away" })).EnsureSuccessAsync();
        var closed = await therapist.PostAsJsonAsync($"/api/treatmentplans/plans/{plan}/goals",
            new { measure = "Pain", description = "Neck pain", baseline = 6, target = 3, targetDate = "2027-01-15" });
        Assert.Equal("plan.closed", await closed.ProblemCodeAsync());
        Assert.Equal("Moved away", (await PlanAsync(plan))["discontinuedReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_clinicians_on_the_care_team_reach_a_clients_assessments_and_plans()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var client = await host.ClientOfTherapistAAsync();
        var plan = await host.TherapistA().DraftPlanAsync(client);
        var assessment = await host.TherapistA().StartAssessmentAsync(client);

        // Therapist B is not on the client's care team: "not found", and nothing is drafted for them.
        Assert.Equal(HttpStatusCode.NotFound, (await host.TherapistB().GetAsync($"/api/treatmentplans/plans/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.TherapistB().GetAsync($"/api/treatmentplans/assessments/{assessment}")).StatusCode);
        var outside = await host.TherapistB().PostAsJsonAsync($"/api/treatmentplans/clients/{client}/plans",
            new { conditions = "x", phases = new[] { new { intervalWeeks = 1, sessions = 1 } } });
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Single((await host.Manager().GetJsonAsync($"/api/treatmentplans/clients/{client}/plans"))["plans"]!.AsArray());

        // Reception keeps the diary but never reads plans; a client does not read them here either.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Reception().GetAsync($"/api/treatmentplans/plans/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientUser(client).GetAsync($"/api/treatmentplans/clients/{client}/plans")).StatusCode);

        // A manager reaches every client's plan.
        Assert.Equal(HttpStatusCode.OK, (await host.Manager().GetAsync($"/api/treatmentplans/plans/{plan}")).StatusCode);
    }

    [Fact]
    public async Task One_session_of_an_active_plan_is_booked_as_a_single_appointment_of_the_plan()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var client = await host.ClientOfTherapistAAsync();
        var plan = await host.TherapistA().DraftPlanAsync(client);
        await host.TherapistA().AddPainGoalAsync(plan);
        await (await host.TherapistA().PostAsync($"/api/treatmentplans/plans/{plan}/activate", null)).EnsureSuccessAsync();
        var nmt60 = (await host.Manager().GetJsonAsync("/api/scheduling/services")).AsArray()
            .Single(s => s!["name"]!.GetValue<string>() == "Neuromuscular therapy, 60 minutes")!["id"]!.GetValue<Guid>();

        var response = await host.TherapistA().PostAsJsonAsync($"/api/treatmentplans/plans/{plan}/course",
            new { serviceId = nmt60, firstDate = "2026-11-26", time = "11:00", occurrences = 1, intervalWeeks = 1 });

        await response.EnsureSuccessAsync();
        var booked = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["booked"]!.AsArray().Single()!;
        var appointment = await host.Manager().GetJsonAsync($"/api/scheduling/appointments/{booked["appointmentId"]!.GetValue<Guid>()}");
        Assert.Equal(plan, appointment["planId"]!.GetValue<Guid>());
        Assert.Equal("2026-11-26T11:00:00Z", appointment["startsAt"]!.GetValue<string>());
        Assert.Equal(1, (await host.TherapistA().GetJsonAsync($"/api/treatmentplans/plans/{plan}/next-session"))["sessionsBooked"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_draft_cannot_book_a_course()
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var client = await host.ClientOfTherapistAAsync();
        var plan = await host.TherapistA().DraftPlanAsync(client);
        var response = await host.TherapistA().PostAsJsonAsync($"/api/treatmentplans/plans/{plan}/course",
            new { serviceId = Guid.NewGuid(), firstDate = "2026-11-23", time = "10:00", occurrences = 2, intervalWeeks = 1 });

        Assert.Equal("plan.not-active", await response.ProblemCodeAsync());
    }
}
