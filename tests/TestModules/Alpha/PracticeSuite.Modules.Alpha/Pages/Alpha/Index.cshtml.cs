using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Modules.Alpha.Application;
using PracticeSuite.Modules.Beta.Contracts;

namespace PracticeSuite.Modules.Alpha.Pages.Alpha;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Greeting? Greeting { get; private set; }

    public IReadOnlyList<VisitDto> Visits { get; private set; } = [];

    [BindProperty]
    public RecordVisit Input { get; set; } = new("", 0, "EUR");

    public async Task OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            Greeting = await mediator.Send(new GetGreeting(name), cancellationToken);
        }

        Visits = await mediator.Send(new ListVisits(), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Visits = await mediator.Send(new ListVisits(), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page(); // e.g. a fee that is not a number: say so rather than record zero
        }

        await mediator.Send(Input, cancellationToken);
        return RedirectToPage();
    }
}
