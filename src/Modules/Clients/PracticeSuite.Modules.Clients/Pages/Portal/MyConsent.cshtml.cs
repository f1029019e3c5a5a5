using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Features.Consent;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Pages.Portal;

public sealed class MyConsentModel(IMediator mediator, ICurrentUser user) : PortalPageModel(user)
{
    [BindProperty]
    public SignatureForm Input { get; set; } = new();

    internal ConsentText Text { get; private set; } = null!;

    internal ConsentStatus Status { get; private set; } = null!;

    /// <summary>The client's own time zone: the portal shows times as they read them.</summary>
    public string TimeZone { get; private set; } = "";

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(new SignConsent { ClientId = OwnClientId, Version = Input.Version, TypedName = Input.TypedName, Agreed = Input.Agreed }, cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Text = await mediator.Send(new GetConsentText(), cancellationToken);
        Status = await mediator.Send(new GetConsentStatus(OwnClientId), cancellationToken);
        TimeZone = (await mediator.Send(new GetClientSummary(OwnClientId), cancellationToken)).TimeZone;
    }

    public sealed class SignatureForm
    {
        /// <summary>The version on screen: if the clinic published a newer one meanwhile, the client must read that first.</summary>
        public int Version { get; set; }
        public string? TypedName { get; set; }

        public bool Agreed { get; set; }
    }
}
