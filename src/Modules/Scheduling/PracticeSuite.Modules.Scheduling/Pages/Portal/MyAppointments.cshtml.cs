using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Pages.Portal;

/// <summary>
/// The client's own appointments, in their time zone: what is coming up, with a cancel that asks to confirm and says
/// when it is late (a fee may apply; the amount is Invoicing's), and what is past.
/// </summary>
public sealed class MyAppointmentsModel(IMediator mediator, ICurrentUser user, ClinicCalendar calendar) : SchedulingPageModel
{
    /// <summary>The appointment whose cancellation awaits confirmation.</summary>
    [FromQuery(Name = "cancel")]
    public Guid? Confirming { get; set; }

    internal ClientAppointments Appointments { get; private set; } = null!;

    public string? TimeZone { get; private set; }

    public int LateWindowHours => (int)HttpContext.RequestServices.GetRequiredService<SchedulingOptions>().LateCancellationWindow.TotalHours;

    internal bool IsLate(AppointmentView appointment) => appointment.LateFromUtc <= calendar.UtcNow;

    private Guid OwnClientId => user.ClientId ?? throw new NotFoundException("Client", "(no client record linked to this account)");

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(Guid appointmentId, CancellationToken cancellationToken)
    {
        var (done, outcome) = await TryAsync(mediator, new CancelAppointment { AppointmentId = appointmentId }, cancellationToken);
        if (done)
        {
            TempData.SetNotice(outcome!.Late
                ? "Your appointment is cancelled. As it was less than " + LateWindowHours + " hours away, a late-cancellation fee may apply."
                : "Your appointment is cancelled. We have sent you an e-mail to confirm.");
            return Redirect("/Portal/Appointments");
        }

        Confirming = appointmentId;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Appointments = await mediator.Send(new GetClientAppointments(OwnClientId), cancellationToken);
        TimeZone = (await mediator.Send(new GetClientSummary(OwnClientId), cancellationToken)).TimeZone;
    }
}
