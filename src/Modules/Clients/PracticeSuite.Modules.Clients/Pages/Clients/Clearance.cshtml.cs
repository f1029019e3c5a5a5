using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class ClearanceModel(IMediator mediator) : ClientsPageModel
{
    [FromRoute]
    public Guid ClientId { get; set; }

    [FromRoute]
    public Guid FlagId { get; set; }

    [BindProperty]
    public ClearanceForm Input { get; set; } = new();

    internal ClientHeader Header { get; private set; } = null!;

    public ScreeningFlagView Flag { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(new RecordClearance
        {
            ClientId = ClientId,
            FlagId = FlagId,
            Physician = Input.Physician,
            ClearedOn = Input.ClearedOn,
            Outcome = Input.Outcome,
            ExpiresOn = Input.ExpiresOn,
            Notes = Input.Notes,
        }, cancellationToken);
        TempData.SetNotice("Clearance recorded.");
        return Redirect($"/Clients/{ClientId}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var flags = await mediator.Send(new GetClientFlags(ClientId), cancellationToken); // first: it names the audit entry
        Header = await ClientHeader.LoadAsync(mediator, Access, ClientId, "record", cancellationToken);
        Flag = flags.FirstOrDefault(f => f.Flag.Id == FlagId)?.Flag ?? throw new NotFoundException("Flag", FlagId);
    }

    public sealed class ClearanceForm
    {
        public string? Physician { get; set; }
        public DateOnly? ClearedOn { get; set; }
        public ClearanceOutcome? Outcome { get; set; }
        public DateOnly? ExpiresOn { get; set; }
        public string? Notes { get; set; }
    }
}
