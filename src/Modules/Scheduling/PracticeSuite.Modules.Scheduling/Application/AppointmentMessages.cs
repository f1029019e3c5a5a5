using System.Text;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Application;

/// <summary>
/// The e-mails a client gets when an appointment is booked, moved or cancelled: the clinic's name and contact details,
/// the service, the therapist and the time in the client's own time zone (the clinic's added when they differ).
/// Queued in the command's transaction, so a booking that rolls back sends nothing. Each carries the appointment as an
/// <c>appointment.ics</c> (RFC 5546: METHOD:REQUEST when booked or moved, METHOD:CANCEL when cancelled, one UID per
/// appointment and SEQUENCE counting its moves), which the client's calendar app adds, updates or removes.
/// </summary>
internal sealed class AppointmentMessages(
    IEmailSender email, IClinicIdentity clinic, ClinicCalendar calendar, ITherapistDirectory therapists, AppointmentCalendar invitations)
{
    public const string AttachmentName = "appointment.ics";

    public Task BookedAsync(Appointment appointment, Service service, ClientSummary client, CancellationToken cancellationToken) =>
        SendAsync(appointment, service, client, "appointment-booked", $"booked:{appointment.Id}",
            "Your appointment is booked", "Your appointment is booked.", cancellationToken);

    public Task MovedAsync(Appointment appointment, Service service, ClientSummary client, DateTime previousStart, CancellationToken cancellationToken) =>
        SendAsync(appointment, service, client, "appointment-moved", $"moved:{appointment.Id}:{appointment.Changes.Count}",
            "Your appointment has changed",
            appointment.StartsAt == previousStart
                ? "Your appointment is at the same time, with a different therapist."
                : $"Your appointment on {calendar.ForReader(previousStart, client.TimeZone)} has moved to a new time.",
            cancellationToken);

    public Task CancelledAsync(Appointment appointment, Service service, ClientSummary client, CancellationToken cancellationToken) =>
        SendAsync(appointment, service, client, "appointment-cancelled", $"cancelled:{appointment.Id}",
            "Your appointment is cancelled", "This appointment is cancelled" + (appointment.CancelReason is { } reason ? $": {reason}." : "."), cancellationToken);

    private async Task SendAsync(
        Appointment appointment, Service service, ClientSummary client, string kind, string key, string subject, string opening, CancellationToken cancellationToken)
    {
        if (client.Email is not { Length: > 0 } address || client.Erased)
        {
            return; // no address to write to; the clinic's staff see the change on the calendar
        }

        var identity = await clinic.GetAsync(cancellationToken);
        var therapist = await therapists.FindAsync(appointment.TherapistId, cancellationToken);
        var text = new StringBuilder()
            .AppendLine($"Dear {client.DisplayName},")
            .AppendLine()
            .AppendLine(opening)
            .AppendLine()
            .AppendLine($"What: {service.Name} ({service.DurationMinutes} minutes)")
            .AppendLine($"With: {therapist?.DisplayName ?? "your therapist"}")
            .AppendLine($"When: {calendar.ForReader(appointment.StartsAt, client.TimeZone)}")
            .AppendLine($"Where: {identity.Name}{(identity.Address is { Length: > 0 } place ? ", " + place.ReplaceLineEndings(", ") : "")}")
            .AppendLine()
            .AppendLine(identity.Phone is { Length: > 0 } phone ? $"To change or cancel, sign in to your portal or call us on {phone}." : "To change or cancel, sign in to your portal.")
            .AppendLine()
            .AppendLine(identity.Name)
            .ToString();
        var cancelled = appointment.Status == AppointmentStatus.Cancelled;
        var invitation = invitations.Invitation(identity, new CalendarEntry(
                appointment.Id, service.Name, appointment.StartsAt, appointment.EndsAt, Sequence(appointment), calendar.UtcNow, cancelled),
            address, client.DisplayName);
        var attachment = new EmailAttachment(AttachmentName, $"{AppointmentCalendar.ContentType}; method={(cancelled ? "CANCEL" : "REQUEST")}", CalendarText.Bytes(invitation));
        await email.QueueAsync(
            new EmailMessage(address, $"{subject}: {identity.Name}", text, null, kind, $"scheduling:{key}", client.ClientId, [attachment]), cancellationToken);
    }

    /// <summary>RFC 5545's SEQUENCE: each move is a new revision, and so is the cancellation.</summary>
    private static int Sequence(Appointment appointment) =>
        appointment.Changes.Count + (appointment.Status == AppointmentStatus.Cancelled ? 1 : 0);
}
