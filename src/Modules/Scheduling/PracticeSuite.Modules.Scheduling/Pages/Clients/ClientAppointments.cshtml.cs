using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Contracts;

namespace PracticeSuite.Modules.Scheduling.Pages.Clients;

/// <summary>A client's appointments for the clinic, beside their record; the front desk books from here.</summary>
public sealed class ClientAppointmentsModel(IMediator mediator) : SchedulingPageModel
{
    [FromRoute]
    public Guid ClientId { get; set; }

    internal ClientSummary Client { get; private set; } = null!;

    internal ClientAppointments Appointments { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Client = await mediator.Send(new GetClientSummary(ClientId), cancellationToken);
        Appointments = await mediator.Send(new GetClientAppointments(ClientId), cancellationToken);
    }
}
