using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Features.Records;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class EditModel(IMediator mediator, ClientAccess access) : ClientsPageModel
{
    [FromRoute]
    public Guid ClientId { get; set; }

    [BindProperty]
    public UpdateClientDetails Input { get; set; } = new();

    public ClientHeader Header { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Header = await ClientHeader.LoadAsync(mediator, access, ClientId, "edit", cancellationToken);
        Input = ProfileForm.From(await mediator.Send(new GetClientRecord(ClientId), cancellationToken));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await ClientHeader.LoadAsync(mediator, access, ClientId, "edit", cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input with { ClientId = ClientId }, cancellationToken);
        return Redirect($"/Clients/{ClientId}");
    }
}

public static class ProfileForm
{
    public static UpdateClientDetails From(ClientRecord record) => new()
    {
        ClientId = record.Id,
        GivenName = record.GivenName,
        FamilyName = record.FamilyName,
        DateOfBirth = record.DateOfBirth,
        Email = record.Email,
        Phone = record.Phone,
        Address = record.Address,
        EmergencyContactName = record.EmergencyContactName,
        EmergencyContactPhone = record.EmergencyContactPhone,
        TimeZone = record.TimeZone,
        PressurePreference = record.PressurePreference,
        PainThresholdNotes = record.PainThresholdNotes,
    };
}
