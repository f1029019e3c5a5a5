using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Consent;

namespace PracticeSuite.Modules.Clients.Pages.Clients.Settings;

public sealed class ConsentModel(IMediator mediator) : ClientsPageModel
{
    [BindProperty]
    public ConsentTextForm Input { get; set; } = new();

    internal ConsentText Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await mediator.Send(new GetConsentText(), cancellationToken);
        Input = new ConsentTextForm { Text = Current.Text };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Current = await mediator.Send(new GetConsentText(), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(new PublishConsentText(Input.Text), cancellationToken);
        return RedirectToPage();
    }

    public sealed class ConsentTextForm
    {
        public string? Text { get; set; }
    }
}
