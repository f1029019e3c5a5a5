using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Features.Feeds;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar;

/// <summary>
/// The calendar feed at <c>/calendar/{token}.ics</c>, for calendar apps, which cannot sign in: the secret token is the
/// key (ADR 0027). An unknown or revoked token is a plain 404, the same for both, so the answer tells nothing.
/// </summary>
[AllowAnonymous]
public sealed class FeedFileModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken) =>
        await mediator.Send(new ReadCalendarFeed(token), cancellationToken) is { } calendar
            ? Content(calendar, AppointmentCalendar.ContentType)
            : NotFound();

    /// <summary>A feed is only read.</summary>
    public IActionResult OnPost() => StatusCode(StatusCodes.Status405MethodNotAllowed);
}
