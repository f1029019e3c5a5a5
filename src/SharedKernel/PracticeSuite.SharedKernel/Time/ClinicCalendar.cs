namespace PracticeSuite.SharedKernel.Time;

/// <summary>
/// The clinic's calendar: its time zone (the platform setting <c>Clinic:TimeZone</c>), today's date and the time of
/// day where the clinic is, on .NET's <see cref="TimeProvider"/> (a fake one in tests). Instants are stored in UTC;
/// this is for deciding "today" and for showing times to people.
/// </summary>
public sealed class ClinicCalendar(TimeProvider time, TimeZoneInfo timeZone)
{
    public const string DefaultTimeZoneId = "Europe/London";

    /// <summary>The one way the product writes an instant for people: "20 Nov 2026, 10:30".</summary>
    public const string DisplayFormat = "d MMM yyyy, HH:mm";

    public string TimeZoneId => timeZone.Id;

    public TimeZoneInfo TimeZone => timeZone;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ToClinicTime(UtcNow));

    /// <summary>The clinic's wall-clock time at a stored instant (stored times are UTC; EF Core reads them back unspecified).</summary>
    public DateTime ToClinicTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), timeZone);

    /// <summary>
    /// A reader's own time zone (a client's) when, at that instant, its clock shows another time than the clinic's;
    /// null when it is the clinic's, shows the same time, or is not a known zone.
    /// </summary>
    public TimeZoneInfo? ZoneShowingOtherTime(string? readerTimeZoneId, DateTime utc) =>
        !string.IsNullOrWhiteSpace(readerTimeZoneId) && readerTimeZoneId != timeZone.Id
            && TimeZoneInfo.TryFindSystemTimeZoneById(readerTimeZoneId, out var reader)
            && reader.GetUtcOffset(utc) != timeZone.GetUtcOffset(utc)
                ? reader
                : null;

    /// <summary>How a time zone is named beside a time: "America/New_York" reads as "New York".</summary>
    public static string PlaceName(string timeZoneId) => timeZoneId[(timeZoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');
}
