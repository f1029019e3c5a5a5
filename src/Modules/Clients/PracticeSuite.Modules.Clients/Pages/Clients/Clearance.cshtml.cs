using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class ClearanceModel(IMediator mediator, ClientAccess access) : ClientsPageModel
{
    [FromRoute]
    public Guid ClientId { get; set; }

    [FromRoute]
    public Guid FlagId { get; set; }

    [BindProperty]
    public RecordClearance Input { get; set; } = new();

    public ClientHeader Header { get; private set; } = null!;

    public ScreeningFlagView Flag { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input with { ClientId = ClientId, FlagId = FlagId }, cancellationToken);
        return Redirect($"/Clients/{ClientId}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var flags = await mediator.Send(new GetClientFlags(ClientId), cancellationToken); // first: it names the audit entry
        Header = await ClientHeader.LoadAsync(mediator, access, ClientId, "record", cancellationToken);
        Flag = flags.FirstOrDefault(f => f.Flag.Id == FlagId)?.Flag ?? throw new NotFoundException("Flag", FlagId);
    }
}
