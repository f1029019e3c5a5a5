using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Screening;

namespace PracticeSuite.Modules.Clients.Pages.Clients.Settings;

public sealed class ScreeningRulesModel(IMediator mediator) : ClientsPageModel
{
    [BindProperty]
    public UpdateScreeningRule Input { get; set; } = new();

    public IReadOnlyList<ScreeningRuleView> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rules = await mediator.Send(new ListScreeningRules(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new ListScreeningRules(), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input, cancellationToken);
        return RedirectToPage();
    }
}
