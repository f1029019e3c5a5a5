using FluentValidation;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;

namespace PracticeSuite.Modules.Scheduling.Features.Calendar;

internal static class CalendarDates
{
    public const string Message = "Give a date between the years 2000 and 2200.";
}

internal sealed class GetScheduleValidator : AbstractValidator<GetSchedule>
{
    public GetScheduleValidator() =>
        RuleFor(q => q.From).Must(ClinicClock.IsSensible).WithMessage(CalendarDates.Message);
}

internal sealed class GetFreeSlotsValidator : AbstractValidator<GetFreeSlots>
{
    public GetFreeSlotsValidator() =>
        RuleFor(q => q.From).Must(ClinicClock.IsSensible).WithMessage(CalendarDates.Message);
}
