using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Calendar;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar;

/// <summary>The day view: every therapist side by side (a therapist sees their own column), free slots to book.</summary>
public sealed class IndexModel(IMediator mediator, ClinicCalendar calendar, ICurrentUser user) : SchedulingPageModel
{
    /// <summary>The clinic's day shown; today when none is given.</summary>
    [FromQuery(Name = "date")]
    public DateOnly? Requested { get; set; }

    public DateOnly Date { get; private set; }

    public DateOnly Today => calendar.Today;

    public bool IsManager => user.Role == PracticeRole.Manager;

    internal CalendarGrid Grid { get; private set; } = null!;

    internal CalendarNav Nav { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Date = CalendarNav.Sensible(Requested) ?? calendar.Today;
        var schedule = await mediator.Send(new GetSchedule(Date, 1, null), cancellationToken);
        var day = schedule.Dates[0];
        Grid = CalendarGrid.Build(
            day.Columns.Select(c => (c.TherapistName, (string?)$"/Calendar/Week?therapistId={c.TherapistId}&date={Date:yyyy-MM-dd}", day, c)),
            IsFrontDesk, calendar.UtcNow, (date, time) => ClinicClock.ToUtc(date, time, calendar.TimeZone));
        Nav = new CalendarNav("/Calendar?", Date, 1, calendar.Today, "day");
    }
}

/// <summary>Previous, today, next and a date box: the top of the day and week views.</summary>
/// <param name="Path">The page's address up to its query, ending in <c>?</c> or <c>&amp;</c>.</param>
internal sealed record CalendarNav(string Path, DateOnly Date, int Days, DateOnly Today, string Unit)
{
    /// <summary>A date the calendar can show and step from; one far outside this century (typed or tampered) is ignored.</summary>
    public static DateOnly? Sensible(DateOnly? date) => date is { } day && ClinicClock.IsSensible(day) ? date : null;

    public string Link(DateOnly date) => $"{Path}date={date:yyyy-MM-dd}";
}
