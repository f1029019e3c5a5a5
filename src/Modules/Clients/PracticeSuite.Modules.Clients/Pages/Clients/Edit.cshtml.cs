using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class EditModel(IMediator mediator) : ClientsPageModel
{
    [FromRoute]
    public Guid ClientId { get; set; }

    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    internal ClientHeader Header { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Header = await ClientHeader.LoadAsync(mediator, Access, ClientId, "edit", cancellationToken);
        Input.Load(await mediator.Send(new GetClientRecord(ClientId), cancellationToken));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await ClientHeader.LoadAsync(mediator, Access, ClientId, "edit", cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input.ToUpdate(ClientId), cancellationToken);
        TempData.SetNotice("Details saved.");
        return Redirect($"/Clients/{ClientId}");
    }
}
