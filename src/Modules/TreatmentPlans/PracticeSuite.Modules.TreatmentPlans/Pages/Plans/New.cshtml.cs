using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Modules.TreatmentPlans.Application;
using PracticeSuite.Modules.TreatmentPlans.Features.Plans;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.TreatmentPlans.Pages.Plans;

/// <summary>Drafts a plan for a client, from one of their assessments when given. Goals and home care are added on the plan's page.</summary>
public sealed class NewModel(IMediator mediator) : TreatmentPlansPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AssessmentId { get; set; }

    [BindProperty]
    public PlanContentForm PlanForm { get; set; } = new();

    internal ClientSummary Client { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var (done, drafted) = await TryAsync(mediator, new DraftPlan
        {
            ClientId = ClientId,
            AssessmentId = AssessmentId,
            Conditions = PlanForm.Conditions,
            Techniques = PlanForm.ChosenTechniques,
            Phases = PlanForm.ChosenPhases,
            ReassessOn = PlanForm.ReassessOn,
        }, cancellationToken, "PlanForm.");
        if (!done)
        {
            return Page();
        }

        TempData.SetNotice("Plan drafted. Add its measurable goals, then start it.");
        return Redirect($"/TreatmentPlans/Plans/{drafted!.PlanId}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (ClientId == Guid.Empty)
        {
            return false;
        }

        // The query string is not a route value, so the page filter cannot check it: the clinical access check does.
        await HttpContext.RequestServices.GetRequiredService<ClinicalAccess>().EnsureClientAsync(ClientId, cancellationToken);
        Client = await mediator.Send(new GetClientSummary(ClientId), cancellationToken);
        return true;
    }
}
