using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Calendar;

/// <summary>
/// The starts, on a 15-minute grid inside each therapist's working hours, at which the service could be booked: the
/// therapist free for the visit and its buffer, away from time off and closures, and (for a service that needs one) a
/// room free for all of it. The same rules as the booking's check (<see cref="BusyTime.Overlaps"/>,
/// <see cref="RoomCapacity"/>), decided by binary search over each therapist's and each room's sorted busy times.
/// </summary>
internal sealed class GetFreeSlotsHandler(SchedulingDbContext db, ITherapistDirectory therapists, ClinicCalendar calendar) : IRequestHandler<GetFreeSlots, IReadOnlyList<FreeSlot>>
{
    public const int MaxDays = 92;

    /// <summary>Free starts are offered on this grid from the start of each working range.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    public async Task<IReadOnlyList<FreeSlot>> Handle(GetFreeSlots request, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Therapists).SingleOrDefaultAsync(s => s.Id == request.ServiceId && !s.Retired, cancellationToken);
        if (service is null || request.Days < 1)
        {
            return [];
        }

        var bookable = (await therapists.ListAsync(cancellationToken)).Where(t => t.MayBeBooked).Select(t => t.Id).ToHashSet();
        var ids = service.Therapists.Select(t => t.TherapistId).Where(id => bookable.Contains(id) && (request.TherapistId is null || id == request.TherapistId)).ToList();
        // Only the clinic's rooms in use can be given to a booking: a retired room's old bookings take no one's place.
        List<Guid> rooms = service.NeedsRoom ? await db.Rooms.AsNoTracking().Where(r => !r.Retired).Select(r => r.Id).ToListAsync(cancellationToken) : [];
        if (ids.Count == 0 || (service.NeedsRoom && rooms.Count == 0))
        {
            return [];
        }

        var zone = calendar.TimeZone;
        var days = Math.Min(request.Days, MaxDays);
        var lastDay = request.From.AddDays(days - 1);
        var rangeStart = ClinicClock.DayBounds(request.From, zone).Start;
        var rangeEnd = ClinicClock.DayBounds(lastDay, zone).End;
        var now = calendar.UtcNow;
        var busy = await BusyTimesAsync(db, ids, rooms, rangeStart, rangeEnd, now, cancellationToken);

        var therapistSet = ids.ToHashSet();
        var byTherapist = busy.Where(b => therapistSet.Contains(b.TherapistId)).ToLookup(b => b.TherapistId, b => new BusyTime(b.StartsAt, b.BlockedUntil));
        var therapistTimelines = ids.ToDictionary(id => id, id => new BusyTimeline(byTherapist[id]));
        var byRoom = busy.Where(b => b.RoomId != null).ToLookup(b => b.RoomId!.Value, b => new BusyTime(b.StartsAt, b.BlockedUntil));
        var roomTimelines = rooms.Select(room => new BusyTimeline(byRoom[room])).ToList();

        var periods = (await db.WorkingPeriods.AsNoTracking().Where(p => ids.Contains(p.TherapistId)).ToListAsync(cancellationToken))
            .GroupBy(p => (p.TherapistId, p.Day)).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Start).ToList());
        var timeOff = (await db.TimeOff.AsNoTracking().Where(t => ids.Contains(t.TherapistId) && t.StartsAt < rangeEnd && t.EndsAt > rangeStart).ToListAsync(cancellationToken))
            .ToLookup(t => t.TherapistId, t => new BusyTime(t.StartsAt, t.EndsAt));
        var timeOffTimelines = ids.ToDictionary(id => id, id => new BusyTimeline(timeOff[id]));
        var closed = (await db.Closures.AsNoTracking().Where(c => c.Date >= request.From && c.Date <= lastDay).Select(c => c.Date).ToListAsync(cancellationToken)).ToHashSet();
        var length = TimeSpan.FromMinutes(service.DurationMinutes);
        var hold = TimeSpan.FromMinutes(service.DurationMinutes + service.BufferAfterMinutes);

        var slots = new List<FreeSlot>();
        for (var date = request.From; date <= lastDay; date = date.AddDays(1))
        {
            if (closed.Contains(date))
            {
                continue;
            }

            // On a day without a clock change every wall-clock time is one fixed offset from UTC; only the two
            // clock-change days need the zone's rules time by time.
            var (dayStart, dayEnd) = ClinicClock.DayBounds(date, zone);
            TimeSpan? fixedOffset = dayEnd - dayStart == TimeSpan.FromDays(1) && zone.GetUtcOffset(dayStart) == zone.GetUtcOffset(dayEnd.AddTicks(-1))
                ? zone.GetUtcOffset(dayStart)
                : null;
            var daySlots = slots.Count;
            foreach (var therapistId in ids)
            {
                if (!periods.TryGetValue((therapistId, date.DayOfWeek), out var dayPeriods))
                {
                    continue;
                }

                var therapistBusy = therapistTimelines[therapistId];
                var therapistAway = timeOffTimelines[therapistId];
                foreach (var period in dayPeriods)
                {
                    for (var offset = period.Start.ToTimeSpan(); offset + length <= period.End.ToTimeSpan(); offset += Step)
                    {
                        var candidate = fixedOffset is { } dayOffset
                            ? DateTime.SpecifyKind(date.ToDateTime(TimeOnly.FromTimeSpan(offset)) - dayOffset, DateTimeKind.Utc)
                            : ClinicClock.ToUtc(date, TimeOnly.FromTimeSpan(offset), zone);
                        if (candidate is not { } start || start < now)
                        {
                            continue; // passed, or in the hour the clocks skip
                        }

                        // Time off keeps the visit away, not its buffer (as in the booking's working-hours check).
                        var until = start + hold;
                        var free = therapistBusy.IsFree(start, until)
                            && therapistAway.IsFree(start, start + length)
                            && (!service.NeedsRoom || RoomCapacity.FreeRooms(roomTimelines, timeline => timeline, start, until).Any());
                        if (free)
                        {
                            slots.Add(new FreeSlot(therapistId, start, start + length));
                        }
                    }
                }
            }

            // A day's starts, in time order and then by therapist; days follow one another, so the whole list is in order.
            slots.Sort(daySlots, slots.Count - daySlots, EarliestFirst.Instance);
        }

        return slots;
    }

    /// <summary>
    /// The therapists' and the usable rooms' appointments (not cancelled, not no-shows) and live holds that may reach
    /// into [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>), in one statement (UNION ALL), each read once
    /// even when it is both a therapist's and a room's.
    /// </summary>
    internal static async Task<List<BusyRow>> BusyTimesAsync(
        SchedulingDbContext db, IReadOnlyCollection<Guid> therapistIds, IReadOnlyCollection<Guid> roomIds, DateTime rangeStart, DateTime rangeEnd, DateTime now,
        CancellationToken cancellationToken)
    {
        var earliest = rangeStart.AddMinutes(-(Service.MaxDurationMinutes + Service.MaxBufferMinutes));
        var appointments = db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt > earliest && a.StartsAt < rangeEnd && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow
                && (therapistIds.Contains(a.TherapistId) || (a.RoomId != null && roomIds.Contains(a.RoomId.Value))))
            .Select(a => new BusyRow { TherapistId = a.TherapistId, RoomId = a.RoomId, StartsAt = a.StartsAt, BlockedUntil = a.BlockedUntil });
        // Live holds keep their time like appointments until they expire.
        var holds = db.SlotHolds.AsNoTracking()
            .Where(h => h.ExpiresAt > now && h.StartsAt > earliest && h.StartsAt < rangeEnd
                && (therapistIds.Contains(h.TherapistId) || (h.RoomId != null && roomIds.Contains(h.RoomId.Value))))
            .Select(h => new BusyRow { TherapistId = h.TherapistId, RoomId = h.RoomId, StartsAt = h.StartsAt, BlockedUntil = h.BlockedUntil });
        return await appointments.Concat(holds).ToListAsync(cancellationToken);
    }

    /// <summary>An appointment's or a hold's therapist, room and held time (buffer included).</summary>
    internal sealed class BusyRow
    {
        public Guid TherapistId { get; init; }
        public Guid? RoomId { get; init; }
        public DateTime StartsAt { get; init; }
        public DateTime BlockedUntil { get; init; }
    }

    private sealed class EarliestFirst : IComparer<FreeSlot>
    {
        public static readonly EarliestFirst Instance = new();

        public int Compare(FreeSlot? x, FreeSlot? y)
        {
            var byStart = x!.StartsAt.CompareTo(y!.StartsAt);
            return byStart != 0 ? byStart : x.TherapistId.CompareTo(y.TherapistId);
        }
    }
}
