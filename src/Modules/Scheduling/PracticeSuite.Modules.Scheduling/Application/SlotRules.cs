using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Application;

/// <summary>A time asked for: who, what, where and when, with the instants the conflict check compares.</summary>
internal sealed record Slot(Guid ClientId, Service Service, Guid TherapistId, Guid? RoomId, DateTime StartsAt)
{
    public DateTime EndsAt => StartsAt.AddMinutes(Service.DurationMinutes);

    public DateTime BlockedUntil => EndsAt.AddMinutes(Service.BufferAfterMinutes);
}

/// <summary>
/// The checks every booking and move makes, in one place: the service and therapist may be booked, the time exists in
/// the clinic's zone, nothing overlaps for the therapist, the room or the client (buffers included), and the time is
/// inside working hours unless staff override it with a reason.
/// </summary>
internal sealed class SlotRules(SchedulingDbContext db, ClinicCalendar calendar, ITherapistDirectory therapists)
{
    /// <summary>The longest span an appointment can hold (service and buffer): how far back the overlap probe looks.</summary>
    private static readonly TimeSpan LongestHold = TimeSpan.FromMinutes(Service.MaxDurationMinutes + Service.MaxBufferMinutes);

    public async Task<Service> BookableServiceAsync(Guid serviceId, Guid therapistId, CancellationToken cancellationToken)
    {
        var service = await db.Services.Include(s => s.Therapists).SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken)
            ?? throw RequestValidationException.For("ServiceId", "Choose a service the clinic offers.");
        if (service.Retired)
        {
            throw RequestValidationException.For("ServiceId", $"{service.Name} is no longer offered.");
        }

        var therapist = await therapists.FindAsync(therapistId, cancellationToken)
            ?? throw RequestValidationException.For("TherapistId", "Choose one of the clinic's therapists.");
        if (!therapist.MayBeBooked)
        {
            throw new BusinessRuleException("therapist.unbookable", $"{therapist.DisplayName} cannot be booked: their licence has lapsed or their account is deactivated.");
        }

        if (!service.IsOfferedBy(therapistId))
        {
            throw RequestValidationException.For("TherapistId", $"{therapist.DisplayName} does not offer {service.Name}.");
        }

        return service;
    }

    /// <summary>The instant of a wall-clock time in the clinic, or a field error when it does not exist (the spring-forward hour).</summary>
    public DateTime StartOf(DateOnly date, TimeOnly time, string field = "Time") =>
        ClinicClock.ToUtc(date, time, calendar.TimeZone)
        ?? throw RequestValidationException.For(field, $"{time:HH\\:mm} does not exist on {date:d MMM yyyy}: the clocks go forward that night. Choose another time.");

    /// <summary>The room to use: the one asked for if it is free, else the first free room; null for a service without one.</summary>
    public async Task<Guid?> RoomForAsync(Slot slot, Guid? exceptAppointmentId, CancellationToken cancellationToken, Guid? exceptHoldId = null)
    {
        if (!slot.Service.NeedsRoom)
        {
            return null;
        }

        var rooms = await db.Rooms.AsNoTracking().Where(r => !r.Retired).OrderBy(r => r.Name).Select(r => r.Id).ToListAsync(cancellationToken);
        if (slot.RoomId is { } asked)
        {
            return rooms.Contains(asked) ? asked : throw RequestValidationException.For("RoomId", "Choose one of the clinic's rooms.");
        }

        // One read for every room's bookings and live holds around the time; the first room free for all of it is used.
        var busy = await TakenTimes(
                AppointmentsAround(slot.StartsAt, slot.BlockedUntil, exceptAppointmentId).Where(a => a.RoomId != null),
                LiveHoldsAround(slot.StartsAt, slot.BlockedUntil, exceptHoldId).Where(h => h.RoomId != null))
            .ToListAsync(cancellationToken);
        var byRoom = busy.ToLookup(t => t.RoomId!.Value, t => new BusyTime(t.StartsAt, t.BlockedUntil));
        return RoomCapacity.FreeRooms(rooms, room => new BusyTimeline(byRoom[room]), slot.StartsAt, slot.BlockedUntil).Select(room => (Guid?)room).FirstOrDefault()
            ?? throw new BusinessRuleException("appointment.no-room", "No room is free at that time.");
    }

    /// <summary>What stops the slot, in words, or an empty list when it is free. A live hold counts as taken unless it is <paramref name="exceptHoldId"/>.</summary>
    public async Task<List<string>> ConflictsAsync(Slot slot, Guid? exceptAppointmentId, CancellationToken cancellationToken, Guid? exceptHoldId = null)
    {
        // One statement for the three resources and live holds: each probe an index range, OR-ed, holds added by UNION ALL.
        // It runs on the booking's own context, inside its transaction and after its resource locks (ADR 0025).
        var roomId = slot.RoomId;
        var near = await TakenTimes(
                AppointmentsAround(slot.StartsAt, slot.BlockedUntil, exceptAppointmentId)
                    .Where(a => a.TherapistId == slot.TherapistId || a.ClientId == slot.ClientId || (roomId != null && a.RoomId == roomId)),
                LiveHoldsAround(slot.StartsAt, slot.BlockedUntil, exceptHoldId)
                    .Where(h => h.TherapistId == slot.TherapistId || (roomId != null && h.RoomId == roomId)))
            .ToListAsync(cancellationToken);

        // The therapist and the room are taken until the buffer ends; the client only until the visit ends.
        var conflicts = new List<string>();
        if (near.Any(t => t.TherapistId == slot.TherapistId && new BusyTime(t.StartsAt, t.BlockedUntil).Overlaps(slot.StartsAt, slot.BlockedUntil)))
        {
            conflicts.Add("The therapist is already booked at that time.");
        }

        if (roomId is not null && near.Any(t => t.RoomId == roomId && new BusyTime(t.StartsAt, t.BlockedUntil).Overlaps(slot.StartsAt, slot.BlockedUntil)))
        {
            conflicts.Add("The room is already booked at that time.");
        }

        // A hold is not the client's (it may name nobody yet): only appointments keep a client from a second visit.
        if (near.Any(t => !t.Hold && t.ClientId == slot.ClientId && new BusyTime(t.StartsAt, t.EndsAt).Overlaps(slot.StartsAt, slot.EndsAt)))
        {
            conflicts.Add("The client already has an appointment at that time.");
        }

        return conflicts;
    }

    /// <summary>Whether the slot lies inside the therapist's working hours, away from time off and closures.</summary>
    public async Task<bool> InWorkingHoursAsync(Slot slot, CancellationToken cancellationToken)
    {
        var localStart = ClinicClock.ToLocal(slot.StartsAt, calendar.TimeZone);
        var localEnd = ClinicClock.ToLocal(slot.EndsAt, calendar.TimeZone);
        var date = DateOnly.FromDateTime(localStart);
        var periods = await db.WorkingPeriods.AsNoTracking().Where(p => p.TherapistId == slot.TherapistId && p.Day == localStart.DayOfWeek).ToListAsync(cancellationToken);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => t.TherapistId == slot.TherapistId && t.StartsAt < slot.EndsAt && t.EndsAt > slot.StartsAt).ToListAsync(cancellationToken);
        var closures = await db.Closures.AsNoTracking().Where(c => c.Date == date).ToListAsync(cancellationToken);
        return WorkingHours.Covers(periods, timeOff, closures, localStart, localEnd, slot.StartsAt, slot.EndsAt);
    }

    /// <summary>
    /// Every check before a booking or a move, and a clear refusal when one fails. Outside working hours needs
    /// <paramref name="outsideHoursReason"/>, and only staff may give one. Returns the reason to record: null inside hours.
    /// </summary>
    public async Task<string?> EnsureBookableAsync(
        Slot slot, string? outsideHoursReason, bool byStaff, Guid? exceptAppointmentId, CancellationToken cancellationToken, Guid? exceptHoldId = null)
    {
        if (Appointment.BookingTimeProblem(slot.StartsAt, calendar.UtcNow, byStaff) is { } timeProblem)
        {
            throw RequestValidationException.For("Date", timeProblem);
        }

        var conflicts = await ConflictsAsync(slot, exceptAppointmentId, cancellationToken, exceptHoldId);
        if (conflicts.Count > 0)
        {
            throw new BusinessRuleException("appointment.conflict", string.Join(" ", conflicts));
        }

        if (!await InWorkingHoursAsync(slot, cancellationToken))
        {
            if (!byStaff)
            {
                throw new BusinessRuleException("appointment.outside-hours", "That time is outside the therapist's working hours.");
            }

            if (string.IsNullOrWhiteSpace(outsideHoursReason))
            {
                throw RequestValidationException.For("OutsideHoursReason",
                    "That time is outside the therapist's working hours (or on a closure or time off). To book it anyway, give the reason.");
            }

            return outsideHoursReason.Trim();
        }

        return null;
    }

    /// <summary>
    /// Appointments holding time (not cancelled, not no-shows) that may overlap [<paramref name="start"/>,
    /// <paramref name="until"/>): bounded on both sides of StartsAt so each resource's probe reads a short range of its
    /// (resource, StartsAt) index. Whether one does overlap is <see cref="BusyTime.Overlaps"/>'s to say.
    /// </summary>
    private IQueryable<Appointment> AppointmentsAround(DateTime start, DateTime until, Guid? exceptAppointmentId)
    {
        var earliest = start - LongestHold;
        var appointments = db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt > earliest && a.StartsAt < until && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow);
        return exceptAppointmentId is { } except ? appointments.Where(a => a.Id != except) : appointments;
    }

    /// <summary>Holds not yet expired (live until their expiry, exclusive) that may overlap [<paramref name="start"/>, <paramref name="until"/>).</summary>
    private IQueryable<SlotHoldRecord> LiveHoldsAround(DateTime start, DateTime until, Guid? exceptHoldId)
    {
        var earliest = start - LongestHold;
        var now = calendar.UtcNow;
        var holds = db.SlotHolds.AsNoTracking().Where(h => h.ExpiresAt > now && h.StartsAt > earliest && h.StartsAt < until);
        return exceptHoldId is { } except ? holds.Where(h => h.Id != except) : holds;
    }

    /// <summary>Appointments and holds as one statement (UNION ALL): one round trip, each side narrowed by its caller first.</summary>
    private static IQueryable<TakenTime> TakenTimes(IQueryable<Appointment> appointments, IQueryable<SlotHoldRecord> holds) =>
        appointments
            .Select(a => new TakenTime { Hold = false, TherapistId = a.TherapistId, ClientId = a.ClientId, RoomId = a.RoomId, StartsAt = a.StartsAt, EndsAt = a.EndsAt, BlockedUntil = a.BlockedUntil })
            .Concat(holds.Select(h => new TakenTime { Hold = true, TherapistId = h.TherapistId, ClientId = h.ClientId, RoomId = h.RoomId, StartsAt = h.StartsAt, EndsAt = h.EndsAt, BlockedUntil = h.BlockedUntil }));

    /// <summary>An appointment's or a live hold's time, as the conflict check reads it.</summary>
    private sealed class TakenTime
    {
        public bool Hold { get; init; }
        public Guid TherapistId { get; init; }
        public Guid? ClientId { get; init; }
        public Guid? RoomId { get; init; }
        public DateTime StartsAt { get; init; }
        public DateTime EndsAt { get; init; }
        public DateTime BlockedUntil { get; init; }
    }
}
