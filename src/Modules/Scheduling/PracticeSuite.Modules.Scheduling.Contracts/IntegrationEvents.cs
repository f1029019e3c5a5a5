using System.Text.Json.Serialization;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Scheduling.Contracts;

// Ids and facts only: no names, no notes. Times are UTC instants; a receiver shows them in its reader's zone.

/// <param name="SeriesId">Set when the appointment was booked as one of a weekly series.</param>
/// <param name="PlanId">The treatment plan the appointment belongs to, when the booking named one.</param>
/// <param name="Recorded">Booked after the fact (staff recording a visit up to 7 days back): nobody is told.</param>
[IntegrationEvent("scheduling.appointment-booked.v1")]
public sealed record AppointmentBooked(
    Guid AppointmentId, Guid ClientId, Guid TherapistId, Guid ServiceId, DateTime StartsAt, DateTime EndsAt, Guid? SeriesId, Guid? PlanId, bool Recorded)
    : IIntegrationEvent;

[IntegrationEvent("scheduling.appointment-rescheduled.v1")]
public sealed record AppointmentRescheduled(
    Guid AppointmentId, Guid ClientId, Guid TherapistId, Guid PreviousTherapistId, DateTime StartsAt, DateTime EndsAt, DateTime PreviousStartsAt)
    : IIntegrationEvent;

/// <param name="Late">Cancelled inside the clinic's late-cancellation window (a fee may apply).</param>
[IntegrationEvent("scheduling.appointment-cancelled.v1")]
public sealed record AppointmentCancelled(
    Guid AppointmentId, Guid ClientId, Guid TherapistId, Guid ServiceId, DateTime StartsAt, bool Late, CancelledBy CancelledBy)
    : IIntegrationEvent;

[IntegrationEvent("scheduling.appointment-no-show.v1")]
public sealed record AppointmentNoShow(Guid AppointmentId, Guid ClientId, Guid TherapistId, Guid ServiceId, DateTime StartsAt) : IIntegrationEvent;

[IntegrationEvent("scheduling.appointment-checked-in.v1")]
public sealed record AppointmentCheckedIn(Guid AppointmentId, Guid ClientId, Guid TherapistId, DateTime CheckedInAt) : IIntegrationEvent;

/// <param name="TimedMinutes">The service's booked length: what invoices and treatment plans count.</param>
[IntegrationEvent("scheduling.appointment-completed.v1")]
public sealed record AppointmentCompleted(
    Guid AppointmentId, Guid ServiceId, int TimedMinutes, Guid TherapistId, Guid ClientId, Guid? PlanId, DateTime StartsAt)
    : IIntegrationEvent;

[JsonConverter(typeof(JsonStringEnumConverter<CancelledBy>))]
public enum CancelledBy
{
    Clinic,
    Client,
}
