using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.Scheduling.Domain;

/// <summary>
/// One visit: booked → checked in → completed, or cancelled (by the clinic or the client; late inside the clinic's
/// window) or a no-show. Times are UTC instants. <see cref="BlockedUntil"/> adds the service's buffer, which keeps the
/// therapist and the room free after the client leaves.
/// </summary>
internal sealed class Appointment
{
    /// <summary>How far back staff may record a visit that was not booked at the time.</summary>
    public static readonly TimeSpan RecordBackLimit = TimeSpan.FromDays(7);

    private readonly List<AppointmentChange> _changes = [];

    private Appointment()
    {
    }

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid TherapistId { get; private set; }
    public Guid? RoomId { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public DateTime BlockedUntil { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public Guid? SeriesId { get; private set; }
    public Guid? PlanId { get; private set; }
    public Guid? RequestId { get; private set; }
    public string? OutsideHoursReason { get; private set; }
    public DateTime BookedAt { get; private set; }
    public DateTime? CheckedInAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public CancelledBy? CancelledBy { get; private set; }
    public bool LateCancellation { get; private set; }
    public string? CancelReason { get; private set; }

    public IReadOnlyList<AppointmentChange> Changes => _changes;

    /// <summary>Booked, checked-in and completed appointments hold their time; cancelled ones and no-shows do not.</summary>
    public bool HoldsTime => Status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow);

    public int TimedMinutes => (int)(EndsAt - StartsAt).TotalMinutes;

    public static Appointment Book(
        Guid id, Guid clientId, Service service, Guid therapistId, Guid? roomId, DateTime startsAt, DateTime now,
        string? outsideHoursReason, Guid? seriesId, Guid? planId, Guid? requestId)
    {
        var appointment = new Appointment
        {
            Id = id,
            ClientId = clientId,
            ServiceId = service.Id,
            TherapistId = therapistId,
            RoomId = roomId,
            Status = AppointmentStatus.Booked,
            SeriesId = seriesId,
            PlanId = planId,
            RequestId = requestId,
            OutsideHoursReason = string.IsNullOrWhiteSpace(outsideHoursReason) ? null : outsideHoursReason.Trim(),
            BookedAt = now,
        };
        appointment.SetTimes(startsAt, service);
        return appointment;
    }

    /// <summary>
    /// Whether a booking at <paramref name="startsAt"/> is allowed at <paramref name="now"/>: clients book the future only,
    /// staff may also record a visit from the last <see cref="RecordBackLimit"/>.
    /// </summary>
    public static string? BookingTimeProblem(DateTime startsAt, DateTime now, bool byStaff) => byStaff switch
    {
        true when startsAt < now - RecordBackLimit => "A visit can be recorded up to 7 days back, no further.",
        false when startsAt < now => "That time has passed: choose a time in the future.",
        _ => null,
    };

    /// <summary>Whether this appointment's held time overlaps [<paramref name="start"/>, <paramref name="blockedUntil"/>).</summary>
    public bool Overlaps(DateTime start, DateTime blockedUntil) => new BusyTime(StartsAt, BlockedUntil).Overlaps(start, blockedUntil);

    public void Reschedule(Service service, Guid therapistId, Guid? roomId, DateTime startsAt, DateTime now, string? outsideHoursReason, string by)
    {
        RequireStatus(AppointmentStatus.Booked, "Only a booked appointment can be moved.");
        _changes.Add(new AppointmentChange
        {
            Id = Guid.CreateVersion7(),
            AppointmentId = Id,
            At = now,
            By = by,
            Kind = "moved",
            PreviousStartsAt = StartsAt,
            PreviousTherapistId = TherapistId,
            StartsAt = startsAt,
            TherapistId = therapistId,
        });
        TherapistId = therapistId;
        RoomId = roomId;
        OutsideHoursReason = string.IsNullOrWhiteSpace(outsideHoursReason) ? null : outsideHoursReason.Trim();
        SetTimes(startsAt, service);
    }

    /// <summary>Late when cancelled less than <paramref name="lateWindow"/> before the start (the window's edge is still on time).</summary>
    public static bool IsLate(DateTime startsAt, DateTime now, TimeSpan lateWindow) => startsAt - now < lateWindow;

    public bool Cancel(CancelledBy by, string? reason, DateTime now, TimeSpan lateWindow)
    {
        RequireStatus(AppointmentStatus.Booked, "Only a booked appointment can be cancelled.");
        Status = AppointmentStatus.Cancelled;
        CancelledAt = now;
        CancelledBy = by;
        CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        LateCancellation = IsLate(StartsAt, now, lateWindow);
        return LateCancellation;
    }

    /// <summary>Check-in opens on the appointment's day in the clinic (<paramref name="clinicDate"/>), not before.</summary>
    public void CheckIn(DateTime now, DateOnly clinicDate, DateOnly appointmentDate)
    {
        RequireStatus(AppointmentStatus.Booked, "Only a booked appointment can be checked in.");
        if (clinicDate < appointmentDate)
        {
            throw new BusinessRuleException("appointment.too-early", "Check-in opens on the day of the appointment.");
        }

        Status = AppointmentStatus.CheckedIn;
        CheckedInAt = now;
    }

    public void Complete(DateTime now)
    {
        RequireStatus(AppointmentStatus.CheckedIn, "Check the client in before completing the appointment.");
        Status = AppointmentStatus.Completed;
        CompletedAt = now;
    }

    /// <summary>A no-show can be recorded once the start time has passed.</summary>
    public void MarkNoShow(DateTime now)
    {
        RequireStatus(AppointmentStatus.Booked, "Only a booked appointment can be a no-show.");
        if (now < StartsAt)
        {
            throw new BusinessRuleException("appointment.not-started", "A no-show can be recorded once the appointment's start time has passed.");
        }

        Status = AppointmentStatus.NoShow;
    }

    /// <summary>Erasure: the free text goes; the fact of the visit stays for the clinic's records.</summary>
    public void ForgetText()
    {
        CancelReason = null;
        OutsideHoursReason = null;
    }

    private void SetTimes(DateTime startsAt, Service service)
    {
        StartsAt = startsAt;
        EndsAt = startsAt.AddMinutes(service.DurationMinutes);
        BlockedUntil = EndsAt.AddMinutes(service.BufferAfterMinutes);
    }

    private void RequireStatus(AppointmentStatus expected, string message)
    {
        if (Status != expected)
        {
            throw new BusinessRuleException("appointment.status", message);
        }
    }
}

/// <summary>One change in an appointment's history: a move, with where it was before.</summary>
internal sealed class AppointmentChange
{
    public Guid Id { get; set; }
    public Guid AppointmentId { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateTime PreviousStartsAt { get; set; }
    public Guid PreviousTherapistId { get; set; }
    public DateTime StartsAt { get; set; }
    public Guid TherapistId { get; set; }
}
