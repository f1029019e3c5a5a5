using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Consent;
using PracticeSuite.SharedKernel.Hosting.Web;

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
        TempData.SetNotice("The new consent text is published; clients sign it again before their next treatment.");
        return RedirectToPage();
    }

    public sealed class ConsentTextForm
    {
        public string? Text { get; set; }
    }
}
