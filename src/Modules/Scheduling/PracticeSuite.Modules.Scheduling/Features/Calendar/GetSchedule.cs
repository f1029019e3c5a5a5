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
