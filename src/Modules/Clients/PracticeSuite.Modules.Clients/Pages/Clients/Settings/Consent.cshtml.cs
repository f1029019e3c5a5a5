using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Consent;

namespace PracticeSuite.Modules.Clients.Pages.Clients.Settings;

public sealed class ConsentModel(IMediator mediator) : ClientsPageModel
{
    [BindProperty]
    public PublishConsentText Input { get; set; } = new(null);

    public ConsentText Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await mediator.Send(new GetConsentText(), cancellationToken);
        Input = new PublishConsentText(Current.Text);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Current = await mediator.Send(new GetConsentText(), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input, cancellationToken);
        return RedirectToPage();
    }
}
