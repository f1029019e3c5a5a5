using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Clients.Pages.Portal;

public sealed class MyIntakeModel(IMediator mediator, ICurrentUser user) : PortalPageModel(user)
{
    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        var intake = await mediator.Send(new GetIntake(OwnClientId), cancellationToken);
        Input = IntakeForm.Of(intake is null ? SubmitIntake.Blank(OwnClientId) : SubmitIntake.From(OwnClientId, intake.Answers));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input.ToCommand(OwnClientId), cancellationToken);
        return RedirectToPage(new { saved = true });
    }
}
