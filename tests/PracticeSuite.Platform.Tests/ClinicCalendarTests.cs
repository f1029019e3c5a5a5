using PracticeSuite.SharedKernel.Time;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>One format for every time a person reads, in the clinic's zone unless the reader's clock shows another time.</summary>
public sealed class ClinicCalendarTests
{
    private static readonly ClinicCalendar NewYorkClinic = new(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    // 15:30 UTC on 22 Dec 2026: 10:30 in New York (UTC-5), 16:30 in Paris (UTC+1), 15:30 in London and Abidjan (UTC).
    private static readonly DateTime Instant = new(2026, 12, 22, 15, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("America/New_York")]
    [InlineData("America/Toronto")] // another zone whose clock shows the same time
    [InlineData("Not/A_Zone")]
    public void A_reader_whose_clock_shows_the_clinic_s_time_reads_the_clinic_s_time_alone(string? readerZone) =>
        Assert.Equal("22 Dec 2026, 10:30", NewYorkClinic.ForReader(Instant, readerZone));

    [Fact]
    public void A_reader_in_another_zone_reads_their_own_time_with_both_zones_named() =>
        Assert.Equal("22 Dec 2026, 16:30 Paris time (10:30 New York time)", NewYorkClinic.ForReader(Instant, "Europe/Paris"));

    [Fact]
    public void A_time_read_back_from_the_database_unspecified_is_taken_as_utc() =>
        Assert.Equal("22 Dec 2026, 15:30 London time (10:30 New York time)",
            NewYorkClinic.ForReader(DateTime.SpecifyKind(Instant, DateTimeKind.Unspecified), "Europe/London"));

    [Fact]
    public void The_reader_s_date_is_their_own_when_it_differs_from_the_clinic_s() =>
        Assert.Equal("23 Dec 2026, 08:30 Tokyo time (18:30 New York time)",
            NewYorkClinic.ForReader(new DateTime(2026, 12, 22, 23, 30, 0, DateTimeKind.Utc), "Asia/Tokyo"));
}
