using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Features.Assessments;
using PracticeSuite.Modules.TreatmentPlans.Features.Plans;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.TreatmentPlans.Pages.Clients;

/// <summary>A client's assessments and treatment plans, beside their record: where a therapist starts either.</summary>
public sealed class ClientPlansModel(IMediator mediator, ITherapistDirectory therapists) : TreatmentPlansPageModel
{
    [FromRoute]
    public Guid ClientId { get; set; }

    internal ClientSummary Client { get; private set; } = null!;

    internal ClinicalRecord Record { get; private set; } = null!;

    internal IReadOnlyDictionary<Guid, string> TherapistNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAssessmentAsync(CancellationToken cancellationToken)
    {
        var (done, started) = await TryAsync(mediator, new StartAssessment(ClientId, null), cancellationToken, errorsNextTo: "");
        if (done)
        {
            return Redirect($"/TreatmentPlans/Assessments/{started!.AssessmentId}");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Client = await mediator.Send(new GetClientSummary(ClientId), cancellationToken);
        Record = await mediator.Send(new GetClinicalRecord(ClientId), cancellationToken);
        TherapistNames = (await therapists.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.DisplayName);
    }
}
