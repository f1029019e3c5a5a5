using System.Net.Mail;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Configuration;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Application;

/// <summary>One appointment as a calendar event: what it says is chosen by the caller (service and place only).</summary>
/// <param name="Sequence">RFC 5545's revision number: the number of moves, one more once cancelled.</param>
/// <param name="Stamp">When the event's information last changed (feeds) or the message was made (e-mails).</param>
internal sealed record CalendarEntry(Guid AppointmentId, string Summary, DateTime StartsAt, DateTime EndsAt, int Sequence, DateTime Stamp, bool Cancelled);

/// <summary>
/// Writes appointments as iCalendar (RFC 5545) with Ical.Net: the clinic's zone as the one VTIMEZONE, times as the
/// clinic's wall clock with its TZID, the clinic's name and address as the place. A wall-clock time that happens twice
/// (the hour the clocks go back) is written as a UTC instant instead: RFC 5545 reads such a time as its first
/// occurrence, but readers differ (ical.js reads the second), and an appointment must be one instant everywhere.
/// </summary>
internal sealed class AppointmentCalendar(ClinicCalendar calendar, IConfiguration configuration)
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string ProductId = "-//PracticeSuite//Scheduling//EN";

    /// <summary>Appended to an appointment's id in UID, so the id stays unique among other calendars' events.</summary>
    public const string UidDomain = "@practicesuite.scheduling";

    public static string UidOf(Guid appointmentId) => appointmentId.ToString("D") + UidDomain;

    /// <summary>A subscribed feed: no METHOD, the events as they stand; <paramref name="earliest"/> is the first instant the zone must cover.</summary>
    public string Feed(string name, ClinicIdentity clinic, IReadOnlyList<CalendarEntry> entries, DateTime earliest) =>
        Write(null, name, clinic, entries, earliest, attendee: null);

    /// <summary>
    /// The attachment of an appointment e-mail (RFC 5546): METHOD:REQUEST for a booking or a move, METHOD:CANCEL for a
    /// cancellation; the clinic is the organiser and the client the attendee.
    /// </summary>
    public string Invitation(ClinicIdentity clinic, CalendarEntry entry, string attendeeEmail, string attendeeName) =>
        Write(entry.Cancelled ? "CANCEL" : "REQUEST", null, clinic, [entry], entry.StartsAt, (attendeeEmail, attendeeName));

    /// <summary>The clinic's name and address on one line, as calendar apps show a place.</summary>
    public static string LocationOf(ClinicIdentity clinic) =>
        string.Join(", ", new[] { clinic.Name }.Concat(clinic.AddressLines));

    private string Write(string? method, string? name, ClinicIdentity clinic, IReadOnlyList<CalendarEntry> entries, DateTime earliest, (string Email, string Name)? attendee)
    {
        var tzId = IanaZoneId(calendar.TimeZone);
        var ical = new Calendar { ProductId = ProductId };
        if (method is not null)
        {
            ical.Method = method;
        }

        if (name is not null)
        {
            ical.AddProperty("X-WR-CALNAME", name);
        }

        // The zone's rules from a year before the first event on, without history: one VTIMEZONE, short.
        ical.AddTimeZone(tzId, ClinicClock.ToLocal(earliest, calendar.TimeZone).AddYears(-1), includeHistoricalData: false);
        var location = LocationOf(clinic);
        var organizer = OrganizerAddress(clinic);
        foreach (var entry in entries)
        {
            var vevent = new CalendarEvent
            {
                Uid = UidOf(entry.AppointmentId),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(entry.Stamp, DateTimeKind.Utc), CalDateTime.UtcTzId, true),
                DtStart = When(entry.StartsAt, tzId),
                DtEnd = When(entry.EndsAt, tzId),
                Sequence = entry.Sequence,
                Summary = entry.Summary,
                Location = location,
                Status = entry.Cancelled ? "CANCELLED" : "CONFIRMED",
                Transparency = "OPAQUE",
            };
            if (attendee is { } person)
            {
                if (organizer is not null)
                {
                    vevent.Organizer = new Organizer("mailto:" + organizer) { CommonName = clinic.Name };
                }

                vevent.Attendees.Add(new Attendee("mailto:" + person.Email) { CommonName = person.Name, Role = "REQ-PARTICIPANT", ParticipationStatus = "ACCEPTED" });
            }

            ical.Events.Add(vevent);
        }

        return new CalendarSerializer().SerializeToString(ical) ?? throw new InvalidOperationException("Ical.Net wrote no calendar.");
    }

    private CalDateTime When(DateTime utc, string tzId)
    {
        var local = ClinicClock.ToLocal(utc, calendar.TimeZone);
        return calendar.TimeZone.IsAmbiguousTime(local)
            ? new CalDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CalDateTime.UtcTzId, true)
            : new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), tzId, true);
    }

    /// <summary>The address the clinic's e-mails come from: its own sender address, else the configured <c>Email:From</c>.</summary>
    private string? OrganizerAddress(ClinicIdentity clinic)
    {
        if (clinic.SenderAddress is { Length: > 0 } own)
        {
            return own;
        }

        return MailAddress.TryCreate(configuration["Email:From"], out var from) ? from.Address : null;
    }

    /// <summary>Ical.Net reads zones from the IANA database; a Windows zone id (Windows hosts) is translated.</summary>
    private static string IanaZoneId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
}

/// <summary>Bytes of a calendar for an e-mail attachment.</summary>
internal static class CalendarText
{
    public static byte[] Bytes(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
}
