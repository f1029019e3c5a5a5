using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Calendar;

/// <summary>
/// The calendar from <see cref="From"/> for <see cref="Days"/> days: one column per therapist per day, with their hours,
/// time off and appointments. The front desk sees every therapist; a therapist sees their own column only.
/// </summary>
internal sealed record GetSchedule(DateOnly From, int Days, Guid? TherapistId) : IQuery<Schedule>;

internal sealed record Schedule(DateOnly From, int Days, IReadOnlyList<ScheduleDay> Dates, IReadOnlyList<TherapistSummary> Therapists);

/// <param name="Closure">The closure's name when the clinic is shut that day.</param>
internal sealed record ScheduleDay(DateOnly Date, string? Closure, IReadOnlyList<ScheduleColumn> Columns);

internal sealed record ScheduleColumn(Guid TherapistId, string TherapistName, bool MayBeBooked, IReadOnlyList<LocalRange> Hours, IReadOnlyList<LocalRange> Away, IReadOnlyList<ScheduleEntry> Appointments);

/// <summary>A span of the clinic's wall clock on the day.</summary>
internal sealed record LocalRange(TimeOnly Start, TimeOnly End);

/// <param name="BlockedUntil">The end of the time kept free after it (the service's buffer): nobody else is booked before then.</param>
internal sealed record ScheduleEntry(
    Guid AppointmentId, Guid ClientId, string ClientName, string ServiceName, string? RoomName, DateTime StartsAt, DateTime EndsAt, LocalRange Local, AppointmentStatus Status, bool OutsideHours,
    DateTime BlockedUntil);

internal sealed class GetScheduleHandler(
    SchedulingDbContext db, ITherapistDirectory therapists, IClientNames clientNames, ClinicCalendar calendar, ICurrentUser caller)
    : IRequestHandler<GetSchedule, Schedule>
{
    public const int MaxDays = 14;

    public async Task<Schedule> Handle(GetSchedule request, CancellationToken cancellationToken)
    {
        var days = Math.Clamp(request.Days, 1, MaxDays);
        var all = (await therapists.ListAsync(cancellationToken)).ToList();
        var shown = caller.Role == SharedKernel.Identity.PracticeRole.Therapist && !caller.IsSystem
            ? all.Where(t => t.Id == caller.TherapistId).ToList()
            : all.Where(t => request.TherapistId is null || t.Id == request.TherapistId).ToList();
        var ids = shown.Select(t => t.Id).ToList();

        var zone = calendar.TimeZone;
        var start = ClinicClock.DayBounds(request.From, zone).Start;
        var end = ClinicClock.DayBounds(request.From.AddDays(days - 1), zone).End;
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt >= start && a.StartsAt < end && ids.Contains(a.TherapistId) && a.Status != AppointmentStatus.Cancelled)
            .OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        var periods = await db.WorkingPeriods.AsNoTracking().Where(p => ids.Contains(p.TherapistId)).ToListAsync(cancellationToken);
        var timeOff = await db.TimeOff.AsNoTracking().Where(t => ids.Contains(t.TherapistId) && t.StartsAt < end && t.EndsAt > start).ToListAsync(cancellationToken);
        var lastDay = request.From.AddDays(days - 1);
        var closures = await db.Closures.AsNoTracking().Where(c => c.Date >= request.From && c.Date <= lastDay).ToDictionaryAsync(c => c.Date, c => c.Name, cancellationToken);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var names = await clientNames.NamesAsync(appointments.Select(a => a.ClientId).Distinct().ToList(), cancellationToken);

        var dates = Enumerable.Range(0, days).Select(d => request.From.AddDays(d)).Select(date =>
        {
            var (dayStart, dayEnd) = ClinicClock.DayBounds(date, zone);
            var columns = shown.Select(t => new ScheduleColumn(
                t.Id, t.DisplayName, t.MayBeBooked,
                periods.Where(p => p.TherapistId == t.Id && p.Day == date.DayOfWeek).OrderBy(p => p.Start).Select(p => new LocalRange(p.Start, p.End)).ToList(),
                timeOff.Where(o => o.TherapistId == t.Id && o.StartsAt < dayEnd && o.EndsAt > dayStart)
                    .Select(o => Local(Max(o.StartsAt, dayStart), Min(o.EndsAt, dayEnd), dayEnd)).ToList(),
                appointments.Where(a => a.TherapistId == t.Id && a.StartsAt >= dayStart && a.StartsAt < dayEnd).Select(a => new ScheduleEntry(
                    a.Id, a.ClientId, names.GetValueOrDefault(a.ClientId, "Client"), services.GetValueOrDefault(a.ServiceId, "Service"),
                    a.RoomId is { } room ? rooms.GetValueOrDefault(room) : null, a.StartsAt, a.EndsAt, Local(a.StartsAt, Min(a.EndsAt, dayEnd), dayEnd), a.Status,
                    a.OutsideHoursReason is not null, a.BlockedUntil)).ToList())).ToList();
            return new ScheduleDay(date, closures.GetValueOrDefault(date), columns);
        }).ToList();
        return new Schedule(request.From, days, dates, shown);

        LocalRange Local(DateTime from, DateTime to, DateTime dayEnd) => new(
            TimeOnly.FromDateTime(ClinicClock.ToLocal(from, zone)),
            to >= dayEnd ? TimeOnly.MaxValue : TimeOnly.FromDateTime(ClinicClock.ToLocal(to, zone)));
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}

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
        if (ids.Count == 0)
        {
            return [];
        }

        var zone = calendar.TimeZone;
        var days = Math.Min(request.Days, MaxDays);
        var rangeStart = ClinicClock.DayBounds(request.From, zone).Start;
        var rangeEnd = ClinicClock.DayBounds(request.From.AddDays(days - 1), zone).End;
        var earliest = rangeStart.AddMinutes(-(Service.MaxDurationMinutes + Service.MaxBufferMinutes));
        var busy = await db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt > earliest && a.StartsAt < rangeEnd && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow
                && (ids.Contains(a.TherapistId) || a.RoomId != null))
            .Select(a => new { a.TherapistId, a.RoomId, a.StartsAt, a.BlockedUntil })
            .ToListAsync(cancellationToken);
        // Live holds keep their time like appointments until they expire.
        var now = calendar.UtcNow;
        var held = await db.SlotHolds.AsNoTracking()
            .Where(h => h.ExpiresAt > now && h.StartsAt > earliest && h.StartsAt < rangeEnd && (ids.Contains(h.TherapistId) || h.RoomId != null))
            .Select(h => new { h.TherapistId, h.RoomId, h.StartsAt, h.BlockedUntil })
            .ToListAsync(cancellationToken);
        busy.AddRange(held);

        // Each busy time filed under the clinic days it touches (a hold is at most 10 hours, so one day or two), so a
        // candidate start is compared with that day's few bookings, not with every booking in the range.
        IEnumerable<DateOnly> DaysOf(DateTime start, DateTime until) =>
            new[] { start, until }.Select(instant => DateOnly.FromDateTime(ClinicClock.ToLocal(instant, zone))).Distinct();
        var byTherapistDay = busy.Where(a => ids.Contains(a.TherapistId))
            .SelectMany(a => DaysOf(a.StartsAt, a.BlockedUntil).Select(day => (Key: (a.TherapistId, day), Busy: a)))
            .ToLookup(x => x.Key, x => x.Busy);
        var roomsByDay = busy.Where(a => a.RoomId != null)
            .SelectMany(a => DaysOf(a.StartsAt, a.BlockedUntil).Select(day => (Day: day, Busy: a)))
            .ToLookup(x => x.Day, x => x.Busy);
        var roomCount = service.NeedsRoom ? await db.Rooms.CountAsync(r => !r.Retired, cancellationToken) : 0;
        var periods = (await db.WorkingPeriods.AsNoTracking().Where(p => ids.Contains(p.TherapistId)).ToListAsync(cancellationToken)).ToLookup(p => p.TherapistId);
        var timeOff = (await db.TimeOff.AsNoTracking().Where(t => ids.Contains(t.TherapistId) && t.StartsAt < rangeEnd && t.EndsAt > rangeStart).ToListAsync(cancellationToken))
            .ToLookup(t => t.TherapistId);
        var lastDay = request.From.AddDays(days - 1);
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

            var roomBookings = roomsByDay[date].ToList();
            // On a day without a clock change every wall-clock time is one fixed offset from UTC; only the two
            // clock-change days need the zone's rules time by time.
            var (dayStart, dayEnd) = ClinicClock.DayBounds(date, zone);
            TimeSpan? fixedOffset = dayEnd - dayStart == TimeSpan.FromDays(1) && zone.GetUtcOffset(dayStart) == zone.GetUtcOffset(dayEnd.AddTicks(-1))
                ? zone.GetUtcOffset(dayStart)
                : null;
            foreach (var therapistId in ids)
            {
                var therapistBusy = byTherapistDay[(therapistId, date)].ToList();
                foreach (var period in periods[therapistId].Where(p => p.Day == date.DayOfWeek).OrderBy(p => p.Start))
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

                        var until = start + hold;
                        var free = !therapistBusy.Any(a => a.StartsAt < until && a.BlockedUntil > start)
                            && !timeOff[therapistId].Any(t => t.StartsAt < start + length && t.EndsAt > start)
                            && (!service.NeedsRoom || roomBookings.Where(a => a.StartsAt < until && a.BlockedUntil > start).Select(a => a.RoomId).Distinct().Count() < roomCount);
                        if (free)
                        {
                            slots.Add(new FreeSlot(therapistId, start, start + length));
                        }
                    }
                }
            }
        }

        return slots.OrderBy(s => s.StartsAt).ThenBy(s => s.TherapistId).ToList();
    }
}
