using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Appointments;

internal sealed class BookAppointmentSeriesValidator : AbstractValidator<BookAppointmentSeries>
{
    public BookAppointmentSeriesValidator()
    {
        RuleFor(c => c.ServiceId).NotEmpty().WithMessage("Choose a service.");
        RuleFor(c => c.TherapistId).NotEmpty().WithMessage("Choose a therapist.");
        RuleFor(c => c.FirstDate).NotNull().WithMessage("Enter the date of the first appointment.");
        RuleFor(c => c.Time).NotNull().WithMessage("Enter the time.");
        RuleFor(c => c.Occurrences).InclusiveBetween(SeriesDates.MinOccurrences, SeriesDates.MaxOccurrences)
            .WithMessage($"A series has from {SeriesDates.MinOccurrences} to {SeriesDates.MaxOccurrences} appointments.");
        RuleFor(c => c.IntervalWeeks).InclusiveBetween(1, SeriesDates.MaxIntervalWeeks).WithMessage($"Repeat every 1 to {SeriesDates.MaxIntervalWeeks} weeks.");
    }
}

internal sealed class BookAppointmentSeriesHandler(
    SchedulingDbContext db, SlotRules rules, SeriesPlanner planner, ClinicCalendar calendar, AppointmentMessages messages, IMediator mediator)
    : IRequestHandler<BookAppointmentSeries, SeriesBooking>
{
    public async Task<SeriesBooking> Handle(BookAppointmentSeries request, CancellationToken cancellationToken)
    {
        var client = await Booking.BookableClientAsync(mediator, request.ClientId, cancellationToken);
        var service = await rules.BookableServiceAsync(request.ServiceId, request.TherapistId, cancellationToken);
        await ResourceLocks.AcquireAsync(db, Booking.LockedResources(request.TherapistId, request.ClientId, service), cancellationToken);
        if (request.RequestId is { } requestId &&
            await db.Appointments.AsNoTracking().Where(a => a.RequestId == requestId).Select(a => a.SeriesId).SingleOrDefaultAsync(cancellationToken) is { } earlierSeries)
        {
            return await planner.BookedAsync(earlierSeries, cancellationToken); // the same form sent twice
        }

        var plan = await planner.PlanAsync(request.ClientId, service, request.TherapistId, request.RoomId, request.FirstDate!.Value, request.Time!.Value,
            request.Occurrences, request.IntervalWeeks, cancellationToken);
        var conflicting = plan.Where(o => o.Conflict is not null).ToList();
        if (conflicting.Count > 0 && !request.BookFreeOnly)
        {
            throw new BusinessRuleException("series.conflicts",
                $"Nothing was booked: {conflicting.Count} of {plan.Count} dates are not free ({string.Join("; ", conflicting.Select(o => $"{o.Date:d MMM}: {o.Conflict}"))}). Book the free dates only, or change the time.");
        }

        if (conflicting.Count == plan.Count)
        {
            throw new BusinessRuleException("series.no-free-dates", "None of the dates is free: nothing was booked.");
        }

        var seriesId = Guid.CreateVersion7();
        var booked = new List<SeriesOccurrence>();
        foreach (var occurrence in plan.Where(o => o.Conflict is null))
        {
            var appointment = Appointment.Book(Guid.CreateVersion7(), request.ClientId, service, request.TherapistId, occurrence.RoomId, occurrence.StartsAt,
                calendar.UtcNow, null, seriesId, request.PlanId, booked.Count == 0 ? request.RequestId : null);
            db.Appointments.Add(appointment);
            db.EnqueueIntegrationEvent(Booking.BookedEvent(appointment, recorded: false));
            await messages.BookedAsync(appointment, service, client, cancellationToken);
            booked.Add(new SeriesOccurrence(occurrence.Date, occurrence.StartsAt, appointment.Id, null));
        }

        return new SeriesBooking(seriesId, booked, conflicting.Select(o => new SeriesOccurrence(o.Date, o.StartsAt, null, o.Conflict)).ToList());
    }
}

internal sealed class PreviewAppointmentSeriesHandler(SlotRules rules, SeriesPlanner planner) : IRequestHandler<PreviewAppointmentSeries, IReadOnlyList<SeriesOccurrence>>
{
    public async Task<IReadOnlyList<SeriesOccurrence>> Handle(PreviewAppointmentSeries request, CancellationToken cancellationToken)
    {
        if (request.FirstDate is null || request.Time is null || request.Occurrences is < SeriesDates.MinOccurrences or > SeriesDates.MaxOccurrences
            || request.IntervalWeeks is < 1 or > SeriesDates.MaxIntervalWeeks)
        {
            return [];
        }

        var service = await rules.BookableServiceAsync(request.ServiceId, request.TherapistId, cancellationToken);
        var plan = await planner.PlanAsync(request.ClientId, service, request.TherapistId, request.RoomId, request.FirstDate.Value, request.Time.Value,
            request.Occurrences, request.IntervalWeeks, cancellationToken);
        return plan.Select(o => new SeriesOccurrence(o.Date, o.StartsAt, null, o.Conflict)).ToList();
    }
}

/// <summary>The dates of a series: every <c>interval</c> weeks from the first date.</summary>
internal static class SeriesDates
{
    public const int MinOccurrences = 2;
    public const int MaxOccurrences = 52;
    public const int MaxIntervalWeeks = 4;

    public static IReadOnlyList<DateOnly> From(DateOnly first, int occurrences, int intervalWeeks) =>
        Enumerable.Range(0, occurrences).Select(i => first.AddDays(i * 7 * intervalWeeks)).ToList();
}

internal sealed record PlannedOccurrence(DateOnly Date, DateTime StartsAt, Guid? RoomId, string? Conflict);

/// <summary>Checks each date of a series as if it were booked alone (no override of working hours for a series).</summary>
internal sealed class SeriesPlanner(SchedulingDbContext db, SlotRules rules, ClinicCalendar calendar)
{
    public async Task<List<PlannedOccurrence>> PlanAsync(
        Guid clientId, Service service, Guid therapistId, Guid? roomId, DateOnly firstDate, TimeOnly time, int occurrences, int intervalWeeks, CancellationToken cancellationToken)
    {
        var plan = new List<PlannedOccurrence>();
        foreach (var date in SeriesDates.From(firstDate, occurrences, intervalWeeks))
        {
            if (Domain.ClinicClock.ToUtc(date, time, calendar.TimeZone) is not { } start)
            {
                plan.Add(new PlannedOccurrence(date, date.ToDateTime(time, DateTimeKind.Utc), null, $"{time:HH\\:mm} does not exist that day (the clocks go forward)"));
                continue;
            }

            plan.Add(await CheckAsync(new Slot(clientId, service, therapistId, roomId, start), date, cancellationToken));
        }

        return plan;
    }

    private async Task<PlannedOccurrence> CheckAsync(Slot slot, DateOnly date, CancellationToken cancellationToken)
    {
        if (Appointment.BookingTimeProblem(slot.StartsAt, calendar.UtcNow, byStaff: false) is not null)
        {
            return new PlannedOccurrence(date, slot.StartsAt, null, "in the past");
        }

        Guid? room;
        try
        {
            room = await rules.RoomForAsync(slot, null, cancellationToken);
        }
        catch (BusinessRuleException)
        {
            return new PlannedOccurrence(date, slot.StartsAt, null, "no room is free");
        }

        var conflicts = await rules.ConflictsAsync(slot with { RoomId = room }, null, cancellationToken);
        if (conflicts.Count > 0)
        {
            return new PlannedOccurrence(date, slot.StartsAt, room, string.Join(" ", conflicts).TrimEnd('.').ToLowerInvariant());
        }

        return await rules.InWorkingHoursAsync(slot, cancellationToken)
            ? new PlannedOccurrence(date, slot.StartsAt, room, null)
            : new PlannedOccurrence(date, slot.StartsAt, room, "outside the therapist's working hours");
    }

    public async Task<SeriesBooking> BookedAsync(Guid seriesId, CancellationToken cancellationToken)
    {
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.SeriesId == seriesId).OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        return new SeriesBooking(seriesId,
            appointments.Select(a => new SeriesOccurrence(DateOnly.FromDateTime(Domain.ClinicClock.ToLocal(a.StartsAt, calendar.TimeZone)), a.StartsAt, a.Id, null)).ToList(), []);
    }
}
