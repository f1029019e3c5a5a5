using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Pages.Portal;

public sealed class IntakeModel(IMediator mediator, ICurrentUser user) : PortalPageModel(user)
{
    [BindProperty]
    public SubmitIntake Input { get; set; } = new();

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        var intake = await mediator.Send(new GetIntake(OwnClientId), cancellationToken);
        Input = intake is null ? SubmitIntake.Blank(OwnClientId) : SubmitIntake.From(OwnClientId, intake.Answers);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input with { ClientId = OwnClientId }, cancellationToken);
        return RedirectToPage(new { saved = true });
    }
}
