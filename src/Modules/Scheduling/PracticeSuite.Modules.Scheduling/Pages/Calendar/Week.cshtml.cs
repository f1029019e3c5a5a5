using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Calendar;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar;

/// <summary>One therapist's week, Monday to Sunday, on the day view's grid; a therapist always sees their own.</summary>
public sealed class WeekModel(IMediator mediator, ClinicCalendar calendar, ICurrentUser user, ITherapistDirectory directory) : SchedulingPageModel
{
    [FromQuery(Name = "therapistId")]
    public Guid? RequestedTherapist { get; set; }

    [FromQuery(Name = "date")]
    public DateOnly? Requested { get; set; }

    public DateOnly Monday { get; private set; }

    public Guid TherapistId { get; private set; }

    public string TherapistName { get; private set; } = "";

    public IReadOnlyList<TherapistSummary> Therapists { get; private set; } = [];

    internal CalendarGrid Grid { get; private set; } = null!;

    internal CalendarNav Nav { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var date = CalendarNav.Sensible(Requested) ?? calendar.Today;
        Monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        var all = await directory.ListAsync(cancellationToken);
        Therapists = user.Role == PracticeRole.Therapist ? all.Where(t => t.Id == user.TherapistId).ToList() : all;
        var chosen = Therapists.FirstOrDefault(t => t.Id == RequestedTherapist) ?? Therapists.FirstOrDefault();
        if (chosen is null)
        {
            return NotFound();
        }

        TherapistId = chosen.Id;
        TherapistName = chosen.DisplayName;
        var schedule = await mediator.Send(new GetSchedule(Monday, 7, TherapistId), cancellationToken);
        Grid = CalendarGrid.Build(
            schedule.Dates.SelectMany(d => d.Columns.Where(c => c.TherapistId == TherapistId).Select(c => (d.Date.ToString("ddd d MMM"), (string?)$"/Calendar?date={d.Date:yyyy-MM-dd}", d, c))),
            IsFrontDesk, calendar.UtcNow, (day, time) => ClinicClock.ToUtc(day, time, calendar.TimeZone));
        Nav = new CalendarNav($"/Calendar/Week?therapistId={TherapistId}&", Monday, 7, calendar.Today, "week");
        return Page();
    }
}
