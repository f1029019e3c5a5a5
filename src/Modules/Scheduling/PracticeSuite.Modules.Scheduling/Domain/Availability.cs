namespace PracticeSuite.Modules.Scheduling.Domain;

/// <summary>One range of a therapist's weekly hours, in the clinic's wall-clock time; several make a day with breaks.</summary>
internal sealed class WorkingPeriod
{
    public Guid Id { get; set; }

    public Guid TherapistId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
}

/// <summary>Leave, training, illness: the therapist is not booked between these instants.</summary>
internal sealed class TimeOff
{
    public Guid Id { get; set; }

    public Guid TherapistId { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string Reason { get; set; } = "";
}

/// <summary>A day the clinic is shut (a bank holiday): nobody is booked without an override.</summary>
internal sealed class ClinicClosure
{
    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>Whether a time is inside a therapist's working hours: the rule booking checks unless staff override it.</summary>
internal static class WorkingHours
{
    /// <summary>
    /// True when the whole of [<paramref name="localStart"/>, <paramref name="localEnd"/>) lies inside one of the
    /// therapist's ranges for that weekday, the day is not a closure and no time off overlaps it.
    /// </summary>
    public static bool Covers(
        IEnumerable<WorkingPeriod> periods, IEnumerable<TimeOff> timeOff, IEnumerable<ClinicClosure> closures,
        DateTime localStart, DateTime localEnd, DateTime utcStart, DateTime utcEnd)
    {
        var date = DateOnly.FromDateTime(localStart);
        if (DateOnly.FromDateTime(localEnd.AddTicks(-1)) != date || closures.Any(c => c.Date == date))
        {
            return false;
        }

        var start = TimeOnly.FromDateTime(localStart);
        var end = localEnd.TimeOfDay == TimeSpan.Zero && localEnd > localStart ? TimeOnly.MaxValue : TimeOnly.FromDateTime(localEnd);
        var inHours = periods.Any(p => p.Day == localStart.DayOfWeek && p.Start <= start && end <= p.End);
        return inHours && !timeOff.Any(t => t.StartsAt < utcEnd && utcStart < t.EndsAt);
    }

    /// <summary>The ranges must not overlap and each must end after it starts: the message says which does not.</summary>
    public static string? Problem(IReadOnlyList<(DayOfWeek Day, TimeOnly Start, TimeOnly End)> ranges)
    {
        foreach (var range in ranges)
        {
            if (range.End <= range.Start)
            {
                return $"On {range.Day}, {range.Start:HH\\:mm}–{range.End:HH\\:mm} ends before it starts.";
            }
        }

        foreach (var day in ranges.GroupBy(r => r.Day))
        {
            var ordered = day.OrderBy(r => r.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Start < ordered[i - 1].End)
                {
                    return $"On {day.Key}, {ordered[i - 1].Start:HH\\:mm}–{ordered[i - 1].End:HH\\:mm} overlaps {ordered[i].Start:HH\\:mm}–{ordered[i].End:HH\\:mm}.";
                }
            }
        }

        return null;
    }
}
