using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class IntakeModel(IMediator mediator) : ClientsPageModel
{
    [FromRoute]
    public Guid ClientId { get; set; }

    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    internal ClientHeader Header { get; private set; } = null!;

    internal IntakeView? Intake { get; private set; }

    public bool Editing { get; private set; }

    public async Task OnGetAsync(int? version, bool edit, CancellationToken cancellationToken)
    {
        Intake = await mediator.Send(new GetIntake(ClientId, version), cancellationToken); // first: it names the audit entry
        Header = await ClientHeader.LoadAsync(mediator, Access, ClientId, "intake", cancellationToken);
        Editing = edit;
        Input = IntakeForm.Of(Intake is null ? SubmitIntake.Blank(ClientId) : SubmitIntake.From(ClientId, Intake.Answers));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await ClientHeader.LoadAsync(mediator, Access, ClientId, "intake", cancellationToken);
        Editing = true;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input.ToCommand(ClientId), cancellationToken);
        TempData.SetNotice("Intake saved as a new version.");
        return Redirect($"/Clients/{ClientId}/Intake");
    }
}
