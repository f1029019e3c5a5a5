using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Availability;

/// <summary>One range of weekly hours; the day reads as its English name in the API ("Monday").</summary>
internal sealed record HoursRange([property: JsonConverter(typeof(JsonStringEnumConverter<DayOfWeek>))] DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>A therapist's weekly hours, time off from today on, and the clinic's closures ahead.</summary>
internal sealed record TherapistAvailability(Guid TherapistId, string TherapistName, IReadOnlyList<HoursRange> Hours, IReadOnlyList<TimeOff> TimeOff);

internal sealed record GetTherapistAvailability(Guid TherapistId) : IQuery<TherapistAvailability>;

internal sealed class GetTherapistAvailabilityHandler(SchedulingDbContext db, ITherapistDirectory therapists, ClinicCalendar calendar)
    : IRequestHandler<GetTherapistAvailability, TherapistAvailability>
{
    public async Task<TherapistAvailability> Handle(GetTherapistAvailability request, CancellationToken cancellationToken)
    {
        var therapist = await therapists.FindAsync(request.TherapistId, cancellationToken) ?? throw new NotFoundException("Therapist", request.TherapistId);
        var periods = await db.WorkingPeriods.AsNoTracking().Where(p => p.TherapistId == request.TherapistId).ToListAsync(cancellationToken);
        var now = calendar.UtcNow;
        var timeOff = await db.TimeOff.AsNoTracking().Where(t => t.TherapistId == request.TherapistId && t.EndsAt > now).OrderBy(t => t.StartsAt).ToListAsync(cancellationToken);
        return new TherapistAvailability(therapist.Id, therapist.DisplayName,
            periods.OrderBy(p => ((int)p.Day + 6) % 7).ThenBy(p => p.Start).Select(p => new HoursRange(p.Day, p.Start, p.End)).ToList(), timeOff);
    }
}

/// <summary>Replaces a therapist's weekly hours: several ranges a day make breaks; a day without ranges is a day off.</summary>
internal sealed record SetWorkingHours(Guid TherapistId, IReadOnlyList<HoursRange> Ranges) : ICommand;

internal sealed class SetWorkingHoursValidator : AbstractValidator<SetWorkingHours>
{
    public const int MaxRangesPerDay = 6;

    public SetWorkingHoursValidator()
    {
        RuleFor(c => c.Ranges).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the weekly hours (an empty list means no hours).")
            .Must(r => r.All(x => x is not null)).WithMessage("Each range needs a day, a start and an end.")
            .Must(r => r.Count <= 7 * MaxRangesPerDay).WithMessage($"At most {MaxRangesPerDay} ranges a day.")
            .Must(r => r.All(x => Enum.IsDefined(x.Day))).WithMessage("Choose a day of the week.")
            .Must(r => WorkingHours.Problem(r.Select(x => (x.Day, x.Start, x.End)).ToList()) is null)
            .WithMessage(c => WorkingHours.Problem(c.Ranges.Select(x => (x.Day, x.Start, x.End)).ToList())!);
    }
}

internal sealed class SetWorkingHoursHandler(SchedulingDbContext db, ITherapistDirectory therapists) : IRequestHandler<SetWorkingHours, Unit>
{
    public async Task<Unit> Handle(SetWorkingHours request, CancellationToken cancellationToken)
    {
        _ = await therapists.FindAsync(request.TherapistId, cancellationToken) ?? throw new NotFoundException("Therapist", request.TherapistId);
        db.WorkingPeriods.RemoveRange(await db.WorkingPeriods.Where(p => p.TherapistId == request.TherapistId).ToListAsync(cancellationToken));
        db.WorkingPeriods.AddRange(request.Ranges.Select(r => new WorkingPeriod
        {
            Id = Guid.CreateVersion7(), TherapistId = request.TherapistId, Day = r.Day, Start = r.Start, End = r.End,
        }));
        return Unit.Value;
    }
}

/// <summary>Time off from the start of <see cref="FirstDay"/> to the end of <see cref="LastDay"/>, in the clinic's days.</summary>
internal sealed record AddTimeOff(Guid TherapistId, DateOnly? FirstDay, DateOnly? LastDay, string? Reason) : ICommand<Guid>;

internal sealed class AddTimeOffValidator : AbstractValidator<AddTimeOff>
{
    public AddTimeOffValidator()
    {
        RuleFor(c => c.FirstDay).NotNull().WithMessage("Enter the first day off.");
        RuleFor(c => c.LastDay).NotNull().WithMessage("Enter the last day off.");
        RuleFor(c => c.LastDay).Must((c, last) => last >= c.FirstDay).When(c => c.FirstDay is not null && c.LastDay is not null)
            .WithMessage("The last day off cannot be before the first.");
        RuleFor(c => c.Reason).MaximumLength(SchedulingDbContext.TextLength);
    }
}

internal sealed class AddTimeOffHandler(SchedulingDbContext db, ClinicCalendar calendar, ITherapistDirectory therapists) : IRequestHandler<AddTimeOff, Guid>
{
    public async Task<Guid> Handle(AddTimeOff request, CancellationToken cancellationToken)
    {
        _ = await therapists.FindAsync(request.TherapistId, cancellationToken) ?? throw new NotFoundException("Therapist", request.TherapistId);
        var off = new TimeOff
        {
            Id = Guid.CreateVersion7(),
            TherapistId = request.TherapistId,
            StartsAt = ClinicClock.DayBounds(request.FirstDay!.Value, calendar.TimeZone).Start,
            EndsAt = ClinicClock.DayBounds(request.LastDay!.Value, calendar.TimeZone).End,
            Reason = request.Reason?.Trim() ?? "",
        };
        db.TimeOff.Add(off);
        return off.Id;
    }
}

internal sealed record RemoveTimeOff(Guid TimeOffId) : ICommand;

internal sealed class RemoveTimeOffHandler(SchedulingDbContext db) : IRequestHandler<RemoveTimeOff, Unit>
{
    public async Task<Unit> Handle(RemoveTimeOff request, CancellationToken cancellationToken)
    {
        var off = await db.TimeOff.SingleOrDefaultAsync(t => t.Id == request.TimeOffId, cancellationToken) ?? throw new NotFoundException("Time off", request.TimeOffId);
        db.TimeOff.Remove(off);
        return Unit.Value;
    }
}

internal sealed record GetClosures : IQuery<IReadOnlyList<ClinicClosure>>;

internal sealed class GetClosuresHandler(SchedulingDbContext db) : IRequestHandler<GetClosures, IReadOnlyList<ClinicClosure>>
{
    public async Task<IReadOnlyList<ClinicClosure>> Handle(GetClosures request, CancellationToken cancellationToken) =>
        await db.Closures.AsNoTracking().OrderBy(c => c.Date).ToListAsync(cancellationToken);
}

/// <summary>Adds a day the clinic is shut (a bank holiday), or renames it when the day is already listed.</summary>
internal sealed record SaveClosure(DateOnly? Date, string? Name) : ICommand;

internal sealed class SaveClosureValidator : AbstractValidator<SaveClosure>
{
    public SaveClosureValidator()
    {
        RuleFor(c => c.Date).NotNull().WithMessage("Enter the date.");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the day, e.g. Christmas Day.").MaximumLength(SchedulingDbContext.NameLength);
    }
}

internal sealed class SaveClosureHandler(SchedulingDbContext db) : IRequestHandler<SaveClosure, Unit>
{
    public async Task<Unit> Handle(SaveClosure request, CancellationToken cancellationToken)
    {
        var closure = await db.Closures.SingleOrDefaultAsync(c => c.Date == request.Date, cancellationToken);
        if (closure is null)
        {
            db.Closures.Add(new ClinicClosure { Date = request.Date!.Value, Name = request.Name!.Trim() });
        }
        else
        {
            closure.Name = request.Name!.Trim();
        }

        return Unit.Value;
    }
}

internal sealed record RemoveClosure(DateOnly Date) : ICommand;

internal sealed class RemoveClosureHandler(SchedulingDbContext db) : IRequestHandler<RemoveClosure, Unit>
{
    public async Task<Unit> Handle(RemoveClosure request, CancellationToken cancellationToken)
    {
        var closure = await db.Closures.SingleOrDefaultAsync(c => c.Date == request.Date, cancellationToken) ?? throw new NotFoundException("Closure", request.Date);
        db.Closures.Remove(closure);
        return Unit.Value;
    }
}
