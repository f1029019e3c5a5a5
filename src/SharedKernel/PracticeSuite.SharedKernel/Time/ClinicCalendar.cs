using System.Globalization;

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

    /// <summary>
    /// An instant as its reader reads it, in the one format: the clinic's time ("20 Nov 2026, 10:00"), or, for a reader
    /// whose zone shows another time, theirs with both zones named ("20 Nov 2026, 16:00 Paris time (10:00 New York time)").
    /// Pages write it through <c>&lt;clinic-time&gt;</c>; e-mails and documents call it directly.
    /// </summary>
    public string ForReader(DateTime utc, string? readerTimeZoneId)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var clinicTime = ToClinicTime(instant);
        if (ZoneShowingOtherTime(readerTimeZoneId, instant) is not { } reader)
        {
            return clinicTime.ToString(DisplayFormat, CultureInfo.InvariantCulture);
        }

        var readerTime = TimeZoneInfo.ConvertTimeFromUtc(instant, reader);
        return $"{readerTime.ToString(DisplayFormat, CultureInfo.InvariantCulture)} {PlaceName(reader.Id)} time "
            + $"({clinicTime.ToString("HH:mm", CultureInfo.InvariantCulture)} {PlaceName(timeZone.Id)} time)";
    }

    /// <summary>How a time zone is named beside a time: "America/New_York" reads as "New York".</summary>
    public static string PlaceName(string timeZoneId) => timeZoneId[(timeZoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');
}
