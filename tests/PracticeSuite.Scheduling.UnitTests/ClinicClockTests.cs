using PracticeSuite.Modules.Scheduling.Domain;
using Xunit;

namespace PracticeSuite.Scheduling.UnitTests;

/// <summary>Wall-clock times in London to instants, across both clock changes (expected instants worked out by hand).</summary>
public sealed class ClinicClockTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void Winter_time_is_utc_and_summer_time_is_an_hour_ahead()
    {
        Assert.Equal(Utc(2026, 12, 8, 10, 0), ClinicClock.ToUtc(new(2026, 12, 8), new(10, 0), London));
        Assert.Equal(Utc(2027, 7, 1, 9, 0), ClinicClock.ToUtc(new(2027, 7, 1), new(10, 0), London));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 30)]
    [InlineData(1, 59)]
    public void A_time_in_the_hour_skipped_on_the_spring_forward_day_does_not_exist(int hour, int minute) =>
        Assert.Null(ClinicClock.ToUtc(new(2027, 3, 28), new(hour, minute), London));

    [Fact]
    public void The_minutes_either_side_of_the_skipped_hour_exist()
    {
        Assert.Equal(Utc(2027, 3, 28, 0, 59), ClinicClock.ToUtc(new(2027, 3, 28), new(0, 59), London));
        Assert.Equal(Utc(2027, 3, 28, 1, 0), ClinicClock.ToUtc(new(2027, 3, 28), new(2, 0), London));
    }

    [Fact]
    public void A_time_that_happens_twice_on_the_autumn_day_means_its_first_occurrence_in_summer_time()
    {
        // 01:30 on 25 October 2026 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
        Assert.Equal(Utc(2026, 10, 25, 0, 30), ClinicClock.ToUtc(new(2026, 10, 25), new(1, 30), London));
        Assert.Equal(Utc(2026, 10, 25, 2, 0), ClinicClock.ToUtc(new(2026, 10, 25), new(2, 0), London));
    }

    [Fact]
    public void Clock_change_days_last_23_and_25_hours()
    {
        var (springStart, springEnd) = ClinicClock.DayBounds(new(2027, 3, 28), London);
        Assert.Equal(Utc(2027, 3, 28, 0, 0), springStart);
        Assert.Equal(Utc(2027, 3, 28, 23, 0), springEnd);

        var (autumnStart, autumnEnd) = ClinicClock.DayBounds(new(2026, 10, 25), London);
        Assert.Equal(Utc(2026, 10, 24, 23, 0), autumnStart);
        Assert.Equal(Utc(2026, 10, 26, 0, 0), autumnEnd);
    }

    [Fact]
    public void An_instant_reads_back_as_the_clinics_wall_clock()
    {
        Assert.Equal(new DateTime(2026, 10, 25, 1, 30, 0), ClinicClock.ToLocal(Utc(2026, 10, 25, 0, 30), London));
        Assert.Equal(new DateTime(2026, 10, 25, 1, 30, 0), ClinicClock.ToLocal(Utc(2026, 10, 25, 1, 30), London));
    }
}
