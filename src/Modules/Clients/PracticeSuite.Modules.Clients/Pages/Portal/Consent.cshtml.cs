using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Features.Consent;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Pages.Portal;

public sealed class ConsentModel(IMediator mediator, ICurrentUser user) : PortalPageModel(user)
{
    [BindProperty]
    public SignConsent Input { get; set; } = new();

    public ConsentText Text { get; private set; } = null!;

    public ConsentStatus Status { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input with { ClientId = OwnClientId }, cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Text = await mediator.Send(new GetConsentText(), cancellationToken);
        Status = await mediator.Send(new GetConsentStatus(OwnClientId), cancellationToken);
    }
}
