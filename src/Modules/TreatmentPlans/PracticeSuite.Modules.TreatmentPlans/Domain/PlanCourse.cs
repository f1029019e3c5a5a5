namespace PracticeSuite.Modules.TreatmentPlans.Domain;

/// <summary>
/// Where a plan's course stands, from its phases and the dates of its completed sessions: how many are used, and when
/// the next is due. Session n (from 0) belongs to the phase whose sessions it falls in; it is due that phase's interval
/// after the session before it, and the first is due on the day the plan started.
/// </summary>
internal static class PlanCourse
{
    public sealed record Position(int Planned, int Used, DateOnly? DueOn, int? IntervalWeeks);

    public static Position Where(IReadOnlyList<PlanPhase> phases, DateOnly startedOn, IReadOnlyList<DateOnly> completedSessions)
    {
        var ordered = phases.OrderBy(p => p.Position).ToList();
        var planned = ordered.Sum(p => p.Sessions);
        var used = completedSessions.Count;
        if (used >= planned)
        {
            return new Position(planned, used, null, null);
        }

        var phase = PhaseOf(ordered, used);
        var due = used == 0 ? startedOn : completedSessions.Max().AddDays(7 * phase.IntervalWeeks);
        return new Position(planned, used, due, phase.IntervalWeeks);
    }

    /// <summary>The phase session <paramref name="index"/> (from 0) belongs to.</summary>
    public static PlanPhase PhaseOf(IReadOnlyList<PlanPhase> ordered, int index)
    {
        var end = 0;
        foreach (var phase in ordered)
        {
            end += phase.Sessions;
            if (index < end)
            {
                return phase;
            }
        }

        return ordered[^1];
    }
}
