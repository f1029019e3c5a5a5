namespace PracticeSuite.SharedKernel.Time;

/// <summary>
/// The clinic's calendar: its time zone (the platform setting <c>Clinic:TimeZone</c>), today's date and the time of
/// day where the clinic is, on .NET's <see cref="TimeProvider"/> (a fake one in tests). Instants are stored in UTC;
/// this is for deciding "today" and for showing times to people.
/// </summary>
public sealed class ClinicCalendar(TimeProvider time, TimeZoneInfo timeZone)
{
    public const string DefaultTimeZoneId = "Europe/London";

    public string TimeZoneId => timeZone.Id;

    public TimeZoneInfo TimeZone => timeZone;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ToClinicTime(UtcNow));

    /// <summary>The clinic's wall-clock time at a stored instant (stored times are UTC; EF Core reads them back unspecified).</summary>
    public DateTime ToClinicTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), timeZone);
}
