using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Modules.Scheduling.Features.Feeds;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Scheduling.Pages;

/// <summary>
/// A person's own calendar feed link (a therapist's on <c>/Calendar/Feed</c>, a client's in the portal): make one, make
/// a new one in its place, or revoke it. The link is shown once, on the page that made it: only its hash is kept.
/// </summary>
public abstract class CalendarFeedPageModel(IMediator mediator) : PageModel
{
    /// <summary>When the live link was made; null when there is none.</summary>
    public DateTime? LiveSince { get; private set; }

    /// <summary>False for an account with no therapist profile (or client record): it has no appointments to list.</summary>
    public bool HasOwner { get; private set; }

    /// <summary>The address just made, shown on this response only.</summary>
    public string? NewLink { get; private set; }

    /// <summary>The same address for calendar apps that open <c>webcal:</c> links.</summary>
    public string? NewWebcalLink => NewLink is null ? null : "webcal" + NewLink[NewLink.IndexOf(':')..];

    /// <summary>Why the last action failed, shown at the top of the page.</summary>
    public string? Problem { get; private set; }

    /// <summary>Whose appointments the page's feed lists, in the page's words ("your appointments").</summary>
    public abstract string Whose { get; }

    /// <summary>What each event says, in the page's words.</summary>
    public abstract string EventTitle { get; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var link = await mediator.Send(new CreateCalendarFeedLink(), cancellationToken);
            NewLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{link.Path}";
        }
        catch (BusinessRuleException problem)
        {
            Problem = problem.Message;
        }

        await LoadAsync(cancellationToken);
        return Page(); // not a redirect: the token exists only in this response
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var revoked = await mediator.Send(new RevokeCalendarFeedLink(), cancellationToken);
            TempData.SetNotice(revoked
                ? "Your calendar link is revoked: calendar apps that use it stop getting your appointments."
                : "You had no calendar link to revoke.");
            return RedirectToPage();
        }
        catch (BusinessRuleException problem)
        {
            Problem = problem.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var state = await mediator.Send(new GetCalendarFeedLink(), cancellationToken);
        HasOwner = state.HasOwner;
        LiveSince = state.LiveSince;
    }
}
