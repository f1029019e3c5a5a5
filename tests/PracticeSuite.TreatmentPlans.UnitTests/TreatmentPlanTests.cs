using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.SharedKernel.Errors;
using Xunit;

namespace PracticeSuite.TreatmentPlans.UnitTests;

/// <summary>The plan's rules: the clearance gate, goals that measure an improvement, states that only move forward, the course's due dates.</summary>
public sealed class TreatmentPlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    private static readonly PlanGate Cleared = new(true, []);
    private static readonly PlanGate NotCleared = new(false, [new PlanBlocker("flag.clearance-required", "Serious heart condition: a physician's clearance must be recorded first.", Guid.NewGuid())]);

    private static TreatmentPlan Draft(params PlanPhaseInput[] phases) =>
        TreatmentPlan.Draft(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null,
            new PlanContent("Neck pain", [Technique.IschaemicCompression], phases.Length == 0 ? [new PlanPhaseInput(1, 6), new PlanPhaseInput(2, 4)] : phases, null), Today, Now);

    private static TreatmentPlan WithGoal()
    {
        var plan = Draft();
        plan.AddGoal(new GoalInput(GoalMeasure.Pain, "Neck pain", null, null, 6, 3, null, Today.AddDays(30)), Today, Now);
        return plan;
    }

    [Fact]
    public void The_gate_keeps_a_plan_draft_while_the_client_may_not_start_one()
    {
        var plan = WithGoal();

        var refused = Assert.Throws<BusinessRuleException>(() => plan.Activate(NotCleared, Now));

        Assert.Equal("plan.client-not-cleared", refused.Code);
        Assert.Contains("Serious heart condition", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Null(plan.ActivatedAt);
    }

    [Fact]
    public void Once_cleared_the_plan_starts()
    {
        var plan = WithGoal();

        plan.Activate(Cleared, Now);

        Assert.Equal(PlanStatus.Active, plan.Status);
        Assert.Equal(Now, plan.ActivatedAt);
    }

    [Fact]
    public void A_plan_without_a_goal_does_not_start_and_a_started_one_does_not_start_again()
    {
        Assert.Equal("plan.no-goals", Assert.Throws<BusinessRuleException>(() => Draft().Activate(Cleared, Now)).Code);
        var plan = WithGoal();
        plan.Activate(Cleared, Now);
        Assert.Equal("plan.not-draft", Assert.Throws<BusinessRuleException>(() => plan.Activate(Cleared, Now)).Code);
    }

    [Fact]
    public void Only_an_active_plan_completes_and_discontinuing_needs_a_reason_and_closes_it_for_good()
    {
        var draft = WithGoal();
        Assert.Equal("plan.not-active", Assert.Throws<BusinessRuleException>(() => draft.Complete(Now)).Code);
        Assert.Equal("Reason", Assert.Throws<RequestValidationException>(() => draft.Discontinue("  ", Now)).Errors.Keys.Single());

        draft.Discontinue("Moved away", Now);

        Assert.Equal(PlanStatus.Discontinued, draft.Status);
        Assert.Equal("plan.closed", Assert.Throws<BusinessRuleException>(() => draft.AddHomeCare(new HomeCareInput("Stretch", "Daily", "Gently"), Now)).Code);
        Assert.Equal("plan.closed", Assert.Throws<BusinessRuleException>(() => draft.Discontinue("Again", Now)).Code);
    }

    [Theory]
    [InlineData("Pain", null, null, 6, 6, "Target")] // no improvement
    [InlineData("Pain", null, null, 6, 7, "Target")] // worse
    [InlineData("Pain", null, null, 11, 3, "Baseline")]
    [InlineData("Pain", null, null, 6, -1, "Target")]
    [InlineData("RangeOfMotion", "shoulder-abduction", "Left", 120, 201, "Target")] // past 200°, the hard limit
    [InlineData("RangeOfMotion", "shoulder-abduction", "Left", 170, 160, "Target")]
    [InlineData("RangeOfMotion", "shoulder-abduction", null, 120, 170, "Side")]
    [InlineData("RangeOfMotion", "elbow-wobble", "Left", 120, 170, "MovementCode")]
    public void A_goal_must_measure_an_improvement_within_the_scale(string measure, string? movement, string? side, int baseline, int target, string field)
    {
        var plan = Draft();

        var refused = Assert.Throws<RequestValidationException>(() =>
            plan.AddGoal(new GoalInput(Enum.Parse<GoalMeasure>(measure), "Goal", movement, side is null ? null : Enum.Parse<BodySide>(side), baseline, target, null, Today.AddDays(30)), Today, Now));

        Assert.Equal(field, refused.Errors.Keys.Single());
        Assert.Empty(plan.Goals);
    }

    [Fact]
    public void A_range_goal_up_to_the_hard_limit_is_taken()
    {
        var plan = Draft();

        var goal = plan.AddGoal(new GoalInput(GoalMeasure.RangeOfMotion, null, "shoulder-abduction", BodySide.Right, 120, 200, null, Today), Today, Now);

        Assert.Equal("Shoulder: abduction", goal.Description);
        Assert.Equal(BodySide.Right, goal.Side);
    }

    [Theory]
    [InlineData(0, 6, "Phases")]
    [InlineData(13, 6, "Phases")]
    [InlineData(1, 0, "Phases")]
    [InlineData(1, 53, "Phases")]
    public void Phases_are_every_1_to_12_weeks_with_1_to_52_sessions(int intervalWeeks, int sessions, string field)
    {
        var refused = Assert.Throws<RequestValidationException>(() => Draft(new PlanPhaseInput(intervalWeeks, sessions)));

        Assert.Equal(field, refused.Errors.Keys.Single());
    }

    [Fact]
    public void The_frequency_reads_as_a_clinic_would_say_it()
    {
        Assert.Equal("Weekly for 6 sessions, then fortnightly for 4 sessions", Draft().FrequencyText);
        Assert.Equal("Every 3 weeks for 1 session", Draft(new PlanPhaseInput(3, 1)).FrequencyText);
        Assert.Equal(10, Draft().PlannedSessions);
    }

    [Fact]
    public void The_next_session_is_due_a_phases_interval_after_the_last_and_the_first_on_the_start_day()
    {
        var plan = Draft(new PlanPhaseInput(1, 2), new PlanPhaseInput(2, 2));
        var started = new DateOnly(2026, 11, 20);

        Assert.Equal(new PlanCourse.Position(4, 0, started, 1), PlanCourse.Where(plan.Phases, started, []));
        // Session 2 (index 1) is still weekly: a week after the first.
        Assert.Equal(new PlanCourse.Position(4, 1, new DateOnly(2026, 11, 30), 1), PlanCourse.Where(plan.Phases, started, [new(2026, 11, 23)]));
        // Session 3 (index 2) begins the fortnightly phase: two weeks after the second.
        Assert.Equal(new PlanCourse.Position(4, 2, new DateOnly(2026, 12, 14), 2), PlanCourse.Where(plan.Phases, started, [new(2026, 11, 23), new(2026, 11, 30)]));
        // All four used: nothing is due.
        Assert.Equal(new PlanCourse.Position(4, 4, null, null),
            PlanCourse.Where(plan.Phases, started, [new(2026, 11, 23), new(2026, 11, 30), new(2026, 12, 14), new(2026, 12, 28)]));
    }
}
