using PracticeSuite.Modules.Scheduling.Domain;
using Xunit;

namespace PracticeSuite.Scheduling.UnitTests;

/// <summary>Inside working hours or not: ranges with a break, time off, closures (a Wednesday in winter, so local equals UTC).</summary>
public sealed class WorkingHoursTests
{
    private static readonly Guid Therapist = Guid.Parse("0193a000-0000-7000-8000-0000000000aa");

    private static readonly WorkingPeriod[] Wednesday =
    [
        new() { TherapistId = Therapist, Day = DayOfWeek.Wednesday, Start = new(9, 0), End = new(13, 0) },
        new() { TherapistId = Therapist, Day = DayOfWeek.Wednesday, Start = new(14, 0), End = new(18, 0) },
    ];

    private static bool Covers(int startHour, int startMinute, int minutes, TimeOff[]? off = null, ClinicClosure[]? closures = null)
    {
        var start = new DateTime(2026, 12, 9, startHour, startMinute, 0);
        var end = start.AddMinutes(minutes);
        return WorkingHours.Covers(Wednesday, off ?? [], closures ?? [], start, end, DateTime.SpecifyKind(start, DateTimeKind.Utc), DateTime.SpecifyKind(end, DateTimeKind.Utc));
    }

    [Fact]
    public void A_visit_inside_a_range_is_covered_up_to_the_ranges_last_minute()
    {
        Assert.True(Covers(9, 0, 60));
        Assert.True(Covers(12, 0, 60));
        Assert.True(Covers(17, 0, 60));
    }

    [Fact]
    public void A_visit_running_into_the_break_or_past_closing_is_not()
    {
        Assert.False(Covers(12, 30, 60));
        Assert.False(Covers(13, 30, 60));
        Assert.False(Covers(17, 15, 60));
        Assert.False(Covers(8, 45, 30));
    }

    [Fact]
    public void Another_weekday_has_no_hours()
    {
        var thursday = new DateTime(2026, 12, 10, 10, 0, 0);
        Assert.False(WorkingHours.Covers(Wednesday, [], [], thursday, thursday.AddHours(1), thursday, thursday.AddHours(1)));
    }

    [Fact]
    public void Time_off_overlapping_by_a_minute_and_a_closure_day_are_not_covered()
    {
        var off = new TimeOff { TherapistId = Therapist, StartsAt = new DateTime(2026, 12, 9, 10, 59, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 12, 9, 12, 0, 0, DateTimeKind.Utc) };
        Assert.False(Covers(10, 0, 60, [off]));
        Assert.True(Covers(9, 0, 60, [new TimeOff { StartsAt = new DateTime(2026, 12, 9, 10, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 12, 9, 11, 0, 0, DateTimeKind.Utc) }]));
        Assert.False(Covers(10, 0, 60, closures: [new ClinicClosure { Date = new DateOnly(2026, 12, 9), Name = "Staff training" }]));
        Assert.True(Covers(10, 0, 60, closures: [new ClinicClosure { Date = new DateOnly(2026, 12, 10), Name = "Next day" }]));
    }

    [Fact]
    public void Ranges_that_overlap_or_end_before_they_start_are_refused_with_the_day_named()
    {
        Assert.Null(WorkingHours.Problem([(DayOfWeek.Monday, new(9, 0), new(13, 0)), (DayOfWeek.Monday, new(13, 0), new(17, 0))]));
        Assert.Equal("On Monday, 09:00–13:00 overlaps 12:30–17:00.",
            WorkingHours.Problem([(DayOfWeek.Monday, new(9, 0), new(13, 0)), (DayOfWeek.Monday, new(12, 30), new(17, 0))]));
        Assert.Equal("On Tuesday, 17:00–09:00 ends before it starts.", WorkingHours.Problem([(DayOfWeek.Tuesday, new(17, 0), new(9, 0))]));
        Assert.Null(WorkingHours.Problem([(DayOfWeek.Monday, new(9, 0), new(13, 0)), (DayOfWeek.Tuesday, new(12, 30), new(17, 0))]));
    }
}
