using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using Xunit;

namespace PracticeSuite.TreatmentPlans.UnitTests;

/// <summary>Progress: pain series by complaint, and a goal met only when its latest measurement reaches the target.</summary>
public sealed class ProgressTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 23);
    private static readonly DateOnly Day2 = new(2026, 11, 30);

    private static PlanGoal Goal(GoalMeasure measure, int baseline, int target, string description = "Neck pain", string? movement = null, BodySide? side = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), measure, description, movement, side, baseline, target, null, new DateOnly(2027, 1, 15));

    [Fact]
    public void Pain_is_grouped_by_complaint_whatever_the_case_and_kept_in_date_order()
    {
        var pain = Progress.Pain([(Day2, "neck pain", 4), (Day1, "Neck pain", 6), (Day1, "Headache", 5)]);

        Assert.Equal(["Headache", "neck pain"], pain.Select(s => s.Label));
        Assert.Equal([6, 4], pain[1].Points.Select(p => p.Value));
        Assert.Equal(4, pain[1].Latest);
    }

    [Theory]
    [InlineData(3, true)]  // at the target
    [InlineData(2, true)]  // past it
    [InlineData(4, false)] // not yet
    public void A_pain_goal_is_met_at_or_below_its_target(int latest, bool met)
    {
        var pain = Progress.Pain([(Day1, "Neck pain", 6), (Day2, "Neck pain", latest)]);

        var progress = Progress.ForGoal(Goal(GoalMeasure.Pain, 6, 3), pain, []);

        Assert.Equal(latest, progress.Latest);
        Assert.Equal(met, progress.Met);
    }

    [Theory]
    [InlineData(170, true)]
    [InlineData(175, true)]
    [InlineData(169, false)]
    public void A_range_goal_is_met_at_or_beyond_its_target_on_its_own_side(int latest, bool met)
    {
        var left = new RangeMeasurement(Guid.NewGuid(), Guid.NewGuid(), "shoulder-abduction", BodySide.Left, latest);
        var right = new RangeMeasurement(Guid.NewGuid(), Guid.NewGuid(), "shoulder-abduction", BodySide.Right, 100);
        var ranges = Progress.Ranges([(Day1, left), (Day1, right)]);

        var progress = Progress.ForGoal(Goal(GoalMeasure.RangeOfMotion, 120, 170, "Shoulder: abduction", "shoulder-abduction", BodySide.Left), [], ranges);

        Assert.Equal(latest, progress.Latest);
        Assert.Equal(met, progress.Met);
    }

    [Fact]
    public void Nothing_measured_is_not_met()
    {
        // Back pain was never scored (only neck pain, well under the target).
        var unscored = Progress.ForGoal(Goal(GoalMeasure.Pain, 6, 3, "Back pain"), Progress.Pain([(Day1, "Neck pain", 1)]), []);
        Assert.Null(unscored.Latest);
        Assert.False(unscored.Met);
        Assert.False(Progress.ForGoal(Goal(GoalMeasure.Function, 1, 6), [], []).Met);
    }
}
