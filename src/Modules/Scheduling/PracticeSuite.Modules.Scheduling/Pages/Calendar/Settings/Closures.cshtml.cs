using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Availability;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar.Settings;

/// <summary>The clinic's closures (bank holidays), which the manager lists and edits.</summary>
public sealed class ClosuresModel(IMediator mediator, ClinicCalendar calendar) : SchedulingPageModel
{
    [BindProperty]
    public ClosureForm Input { get; set; } = new();

    internal IReadOnlyList<ClinicClosure> Closures { get; private set; } = [];

    public DateOnly Today => calendar.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Closures = await mediator.Send(new GetClosures(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (done, _) = await TryAsync(mediator, new SaveClosure(Input.Date, Input.Name), cancellationToken);
            if (done)
            {
                TempData.SetNotice($"Closed on {Input.Date:d MMMM yyyy}: {Input.Name!.Trim()}.");
                return Redirect("/Calendar/Settings/Closures");
            }
        }

        Closures = await mediator.Send(new GetClosures(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the add form's fields were not posted
        var (done, _) = await TryAsync(mediator, new RemoveClosure(date), cancellationToken);
        if (done)
        {
            TempData.SetNotice($"{date:d MMMM yyyy} is no longer a closure.");
            return Redirect("/Calendar/Settings/Closures");
        }

        Closures = await mediator.Send(new GetClosures(), cancellationToken);
        return Page();
    }

    public sealed class ClosureForm
    {
        public DateOnly? Date { get; set; }
        public string? Name { get; set; }
    }
}
