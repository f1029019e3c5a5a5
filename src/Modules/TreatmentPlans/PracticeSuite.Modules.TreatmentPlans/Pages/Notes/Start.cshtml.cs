using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Features.Notes;

namespace PracticeSuite.Modules.TreatmentPlans.Pages.Notes;

/// <summary>An appointment's session note: the note itself once started, otherwise the button that starts it.</summary>
public sealed class StartModel(IMediator mediator) : TreatmentPlansPageModel
{
    [FromRoute]
    public Guid AppointmentId { get; set; }

    internal AppointmentNote Found { get; private set; } = null!;

    internal ClientSummary Client { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Found.NoteId is { } noteId ? Redirect($"/TreatmentPlans/Notes/{noteId}") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (done, note) = await TryAsync(mediator, new OpenSessionNote(AppointmentId), cancellationToken, errorsNextTo: "");
        if (done)
        {
            return Redirect($"/TreatmentPlans/Notes/{note!.NoteId}");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Found = await mediator.Send(new FindAppointmentNote(AppointmentId), cancellationToken);
        Client = await mediator.Send(new GetClientSummary(Found.Appointment.ClientId), cancellationToken);
    }
}
