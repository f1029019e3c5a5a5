using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

namespace PracticeSuite.Modules.TreatmentPlans.Domain;

internal sealed record ProgressPoint(DateOnly On, int Value);

/// <param name="Key">Stable within a chart: a pain label in lower case, a movement code and side, a muscle code and side.</param>
internal sealed record ProgressSeries(string Key, string Label, IReadOnlyList<ProgressPoint> Points)
{
    public int? Latest => Points.Count == 0 ? null : Points[^1].Value;
}

/// <param name="Latest">The last measurement of what the goal measures; null when nothing measures it yet (a function goal, or no score).</param>
/// <param name="Met">The latest measurement reaches the target: pain at or below it, a range at or beyond it.</param>
internal sealed record GoalProgress(PlanGoal Goal, int? Latest, bool Met);

/// <summary>
/// A plan's progress from its signed notes and the client's assessments: pain per complaint over sessions, ranges of
/// motion and trigger-point tenderness over time, and each goal against its target.
/// </summary>
internal static class Progress
{
    /// <summary>Pain per complaint, by the label the therapist scores it under (case aside), each in date order.</summary>
    public static IReadOnlyList<ProgressSeries> Pain(IEnumerable<(DateOnly On, string Label, int Score)> scores) =>
        scores.GroupBy(s => s.Label.Trim().ToLowerInvariant())
            .Select(g => new ProgressSeries(g.Key, g.First().Label.Trim(), g.OrderBy(s => s.On).Select(s => new ProgressPoint(s.On, s.Score)).ToList()))
            .OrderBy(s => s.Label, StringComparer.OrdinalIgnoreCase).ToList();

    public static IReadOnlyList<ProgressSeries> Ranges(IEnumerable<(DateOnly On, RangeMeasurement Range)> ranges) =>
        ranges.GroupBy(r => RangeKey(r.Range.MovementCode, r.Range.Side))
            .Select(g => new ProgressSeries(g.Key, Named(g.First().Range.Movement.Name, g.First().Range.Side),
                g.OrderBy(r => r.On).Select(r => new ProgressPoint(r.On, r.Range.Degrees)).ToList()))
            .OrderBy(s => s.Label, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<ProgressSeries> Tenderness(IEnumerable<(DateOnly On, TriggerPointFinding Point, string MuscleName)> points) =>
        points.GroupBy(p => $"{p.Point.MuscleCode}|{p.Point.Side}")
            .Select(g => new ProgressSeries(g.Key, Named(g.First().MuscleName, g.First().Point.Side),
                g.OrderBy(p => p.On).Select(p => new ProgressPoint(p.On, p.Point.Tenderness)).ToList()))
            .OrderBy(s => s.Label, StringComparer.Ordinal).ToList();

    /// <summary>A pain goal reads the pain series of the same name; a range goal the range of its movement and side.</summary>
    public static GoalProgress ForGoal(PlanGoal goal, IReadOnlyList<ProgressSeries> pain, IReadOnlyList<ProgressSeries> ranges)
    {
        switch (goal.Measure)
        {
            case GoalMeasure.Pain:
                var latestPain = pain.FirstOrDefault(s => s.Key == goal.Description.Trim().ToLowerInvariant())?.Latest;
                return new GoalProgress(goal, latestPain, latestPain <= goal.Target);
            case GoalMeasure.RangeOfMotion:
                var latestRange = ranges.FirstOrDefault(s => s.Key == RangeKey(goal.MovementCode ?? "", goal.Side))?.Latest;
                return new GoalProgress(goal, latestRange, latestRange >= goal.Target);
            default:
                return new GoalProgress(goal, null, false);
        }
    }

    /// <summary>The key of a range-of-motion series: its movement and side.</summary>
    public static string RangeKey(string movementCode, BodySide? side) => $"{movementCode}|{side}";

    private static string Named(string name, BodySide? side) => side is { } s ? $"{name}, {s.ToString().ToLowerInvariant()}" : name;
}
