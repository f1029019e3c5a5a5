namespace PracticeSuite.Modules.Scheduling.Domain;

/// <summary>
/// Turns the clinic's wall-clock times into instants. On the spring-forward day a time in the skipped hour does not
/// exist and is refused; on the autumn day a time that happens twice means its first occurrence (summer time), so
/// every appointment is one unambiguous instant.
/// </summary>
internal static class ClinicClock
{
    /// <summary>
    /// A date the calendar can show, search and step from: this century and the next. One far outside it (typed or
    /// tampered with) is refused, not run into the end of the calendar.
    /// </summary>
    public static bool IsSensible(DateOnly date) => date.Year is >= 2000 and <= 2200;

    /// <summary>The instant of <paramref name="date"/> at <paramref name="time"/> in <paramref name="zone"/>, or null when that time does not exist there.</summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The instants the clinic's <paramref name="date"/> starts and ends (23 or 25 hours apart on clock-change days).</summary>
    public static (DateTime Start, DateTime End) DayBounds(DateOnly date, TimeZoneInfo zone) =>
        (StartOfDay(date, zone), StartOfDay(date.AddDays(1), zone));

    private static DateTime StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        // Midnight exists in every zone the clinic can choose, except where a clock change happens at midnight: then the
        // day starts at the first minute that exists.
        for (var time = TimeOnly.MinValue; ; time = time.AddMinutes(30))
        {
            if (ToUtc(date, time, zone) is { } utc)
            {
                return utc;
            }
        }
    }
}
