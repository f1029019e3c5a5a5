using System.Text.Json.Serialization;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Scheduling.Contracts;

/// <summary>A request about one appointment: the module's access check lets through only those who may see it.</summary>
public interface IAppointmentRequest
{
    Guid AppointmentId { get; }
}

/// <summary>
/// Books one appointment. <see cref="Date"/> and <see cref="Time"/> are the clinic's wall clock; the end follows from
/// the service. Staff may record a visit up to 7 days back (nobody is told); a client never books the past.
/// </summary>
/// <param name="RoomId">Null: the first free room, when the service needs one.</param>
/// <param name="OutsideHoursReason">Books outside the therapist's working hours; the reason is recorded. Staff only.</param>
/// <param name="RequestId">The form's one-time id: a second submission with it returns the first booking.</param>
/// <param name="HoldId">A hold (<see cref="HoldSlot"/>) on this time, released by the booking.</param>
public sealed record BookAppointment : ICommand<Guid>, IClientRecordRequest, IAuditedRequest<Guid>
{
    public Guid ClientId { get; init; }
    public Guid ServiceId { get; init; }
    public Guid TherapistId { get; init; }
    public Guid? RoomId { get; init; }
    public DateOnly? Date { get; init; }
    public TimeOnly? Time { get; init; }
    public string? OutsideHoursReason { get; init; }
    public Guid? RequestId { get; init; }
    public Guid? PlanId { get; init; }
    public Guid? HoldId { get; init; }

    public AuditSubject DescribeAudit(Guid appointmentId) => AppointmentAudit.On(AppointmentAudit.Booked, appointmentId, ClientId);
}

/// <summary>
/// Books the same service at the same time every <see cref="IntervalWeeks"/> weeks, <see cref="Occurrences"/> times, in
/// one transaction. When some dates conflict: with <see cref="BookFreeOnly"/> the free ones are booked, otherwise none.
/// </summary>
public sealed record BookAppointmentSeries : ICommand<SeriesBooking>, IClientRecordRequest, IAuditedRequest<SeriesBooking>
{
    public Guid ClientId { get; init; }
    public Guid ServiceId { get; init; }
    public Guid TherapistId { get; init; }
    public Guid? RoomId { get; init; }
    public DateOnly? FirstDate { get; init; }
    public TimeOnly? Time { get; init; }
    public int Occurrences { get; init; }
    public int IntervalWeeks { get; init; } = 1;
    public bool BookFreeOnly { get; init; }
    public Guid? RequestId { get; init; }
    public Guid? PlanId { get; init; }

    public AuditSubject DescribeAudit(SeriesBooking booking) => new(AppointmentAudit.SeriesBooked, AppointmentAudit.Series, booking.SeriesId.ToString(), ClientId);
}

/// <param name="Booked">The appointments made, in date order.</param>
/// <param name="Skipped">The dates left out because they conflict (only with <c>BookFreeOnly</c>).</param>
public sealed record SeriesBooking(Guid SeriesId, IReadOnlyList<SeriesOccurrence> Booked, IReadOnlyList<SeriesOccurrence> Skipped);

/// <param name="AppointmentId">Null for a date that was not booked.</param>
/// <param name="Conflict">Why the date is not free, in words; null when it is.</param>
public sealed record SeriesOccurrence(DateOnly Date, DateTime StartsAt, Guid? AppointmentId, string? Conflict);

/// <summary>Which dates of a series would conflict, before booking it.</summary>
public sealed record PreviewAppointmentSeries(
    Guid ClientId, Guid ServiceId, Guid TherapistId, Guid? RoomId, DateOnly? FirstDate, TimeOnly? Time, int Occurrences, int IntervalWeeks = 1)
    : IQuery<IReadOnlyList<SeriesOccurrence>>, IClientRecordRequest;

/// <summary>Moves an appointment (and, with <see cref="TherapistId"/>, to a colleague); its history keeps the old time.</summary>
public sealed record RescheduleAppointment : ICommand<AppointmentRef>, IAppointmentRequest, IAuditedRequest<AppointmentRef>
{
    public Guid AppointmentId { get; init; }
    public DateOnly? Date { get; init; }
    public TimeOnly? Time { get; init; }
    public Guid? TherapistId { get; init; }
    public Guid? RoomId { get; init; }
    public string? OutsideHoursReason { get; init; }

    public AuditSubject DescribeAudit(AppointmentRef changed) => AppointmentAudit.On(AppointmentAudit.Rescheduled, changed);
}

/// <summary>The appointment a command changed, and whose it is (for the client's history).</summary>
public sealed record AppointmentRef(Guid AppointmentId, Guid ClientId);

/// <summary>Cancels an appointment: by the clinic (staff) or by the client (the client themself). Late inside the window.</summary>
public sealed record CancelAppointment : ICommand<CancellationOutcome>, IAppointmentRequest, IAuditedRequest<CancellationOutcome>
{
    public Guid AppointmentId { get; init; }
    public string? Reason { get; init; }

    public AuditSubject DescribeAudit(CancellationOutcome outcome) => AppointmentAudit.On(AppointmentAudit.Cancelled, new AppointmentRef(outcome.AppointmentId, outcome.ClientId));
}

public sealed record CancellationOutcome(Guid AppointmentId, Guid ClientId, bool Late, CancelledBy CancelledBy);

/// <summary>A client's appointments, soonest upcoming first, then the past, newest first.</summary>
public sealed record GetClientAppointments(Guid ClientId) : IQuery<ClientAppointments>, IClientRecordRequest;

public sealed record ClientAppointments(Guid ClientId, IReadOnlyList<AppointmentView> Upcoming, IReadOnlyList<AppointmentView> Past);

public sealed record GetAppointment(Guid AppointmentId) : IQuery<AppointmentView>, IAppointmentRequest;

/// <param name="LateFromUtc">From this instant, cancelling is late.</param>
public sealed record AppointmentView(
    Guid Id,
    Guid ClientId,
    Guid TherapistId,
    string TherapistName,
    Guid ServiceId,
    string ServiceName,
    Guid? RoomId,
    string? RoomName,
    DateTime StartsAt,
    DateTime EndsAt,
    AppointmentStatus Status,
    Guid? SeriesId,
    Guid? PlanId,
    string? OutsideHoursReason,
    CancelledBy? CancelledBy,
    bool LateCancellation,
    string? CancelReason,
    DateTime LateFromUtc,
    IReadOnlyList<AppointmentChangeView> History);

public sealed record AppointmentChangeView(DateTime At, string What);

[JsonConverter(typeof(JsonStringEnumConverter<AppointmentStatus>))]
public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    Completed,
    Cancelled,
    NoShow,
}

/// <summary>The services the clinic offers; retired ones only on request.</summary>
public sealed record GetServices(bool IncludeRetired = false) : IQuery<IReadOnlyList<ServiceView>>;

/// <param name="IsConsultation">Talking and assessment only, no hands-on work.</param>
public sealed record ServiceView(
    Guid Id,
    string Name,
    int DurationMinutes,
    int BufferAfterMinutes,
    bool IsConsultation,
    bool OnlineBooking,
    bool NeedsApproval,
    bool NeedsRoom,
    bool Retired,
    IReadOnlyList<Guid> TherapistIds);

/// <summary>Free starts for a service from <see cref="From"/> for <see cref="Days"/> days, for one therapist or all who offer it.</summary>
public sealed record GetFreeSlots(Guid ServiceId, Guid? TherapistId, DateOnly From, int Days) : IQuery<IReadOnlyList<FreeSlot>>;

public sealed record FreeSlot(Guid TherapistId, DateTime StartsAt, DateTime EndsAt);

/// <summary>What the Scheduling module audits. Appointment changes name the client, so they show in the client's history.</summary>
public static class AppointmentAudit
{
    public const string Appointment = "Appointment";
    public const string Series = "AppointmentSeries";

    public static readonly AuditAction Booked = new("scheduling.appointment.booked", AuditKind.Change, "Booked an appointment");
    public static readonly AuditAction SeriesBooked = new("scheduling.series.booked", AuditKind.Change, "Booked a series of appointments");
    public static readonly AuditAction Rescheduled = new("scheduling.appointment.rescheduled", AuditKind.Change, "Moved an appointment");
    public static readonly AuditAction Cancelled = new("scheduling.appointment.cancelled", AuditKind.Change, "Cancelled an appointment");
    public static readonly AuditAction CheckedIn = new("scheduling.appointment.checked-in", AuditKind.Change, "Checked the client in");
    public static readonly AuditAction Completed = new("scheduling.appointment.completed", AuditKind.Change, "Completed an appointment");
    public static readonly AuditAction NoShow = new("scheduling.appointment.no-show", AuditKind.Change, "Recorded a no-show");

    public static AuditSubject On(AuditAction action, Guid appointmentId, Guid clientId) => new(action, Appointment, appointmentId.ToString(), clientId);

    public static AuditSubject On(AuditAction action, AppointmentRef appointment) => On(action, appointment.AppointmentId, appointment.ClientId);
}

/// <summary>
/// Keeps a free time for a few minutes while someone completes a booking (online booking's checkout): nobody else is
/// offered or booked into it until the hold expires or <see cref="BookAppointment"/> uses it (<c>HoldId</c>).
/// </summary>
public sealed record HoldSlot : ICommand<SlotHold>
{
    public Guid ServiceId { get; init; }
    public Guid TherapistId { get; init; }
    public DateOnly? Date { get; init; }
    public TimeOnly? Time { get; init; }

    /// <summary>The client the time is held for, when known: their own booking may use it.</summary>
    public Guid? ClientId { get; init; }
}

/// <param name="ExpiresAt">After this instant the time is free again.</param>
public sealed record SlotHold(Guid HoldId, DateTime StartsAt, DateTime EndsAt, DateTime ExpiresAt);
