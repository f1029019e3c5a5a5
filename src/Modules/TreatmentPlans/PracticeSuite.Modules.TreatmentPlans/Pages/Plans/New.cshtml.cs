using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Modules.TreatmentPlans.Application;
using PracticeSuite.Modules.TreatmentPlans.Domain;
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

    // Without a client, the therapist first chooses one: plans are drafted from a client's page.
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : Redirect("/Clients");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Redirect("/Clients");
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

    /// <summary>The plan's content as its form posts it: up to three phases ("every N weeks for M sessions"); an empty row is left out.</summary>
    public sealed class PlanContentForm
    {
        public const int PhaseRows = 3;

        public string? Conditions { get; set; }

        public List<string> Techniques { get; set; } = [];

        public List<PhaseRow> Phases { get; set; } = [.. Enumerable.Range(0, PhaseRows).Select(_ => new PhaseRow())];

        public DateOnly? ReassessOn { get; set; }

        internal IReadOnlyList<Technique> ChosenTechniques =>
            Techniques.Select(t => Enum.TryParse<Technique>(t, out var technique) && Enum.IsDefined(technique) ? technique : (Technique?)null)
                .OfType<Technique>().ToList();

        internal IReadOnlyList<PlanPhaseInput> ChosenPhases =>
            Phases.Where(p => p.IntervalWeeks is not null || p.Sessions is not null).Select(p => new PlanPhaseInput(p.IntervalWeeks ?? 0, p.Sessions ?? 0)).ToList();

        internal static PlanContentForm Of(TreatmentPlan plan)
        {
            var form = new PlanContentForm
            {
                Conditions = plan.Conditions,
                Techniques = plan.Techniques.Select(t => t.ToString()).ToList(),
                ReassessOn = plan.ReassessOn,
            };
            var phases = plan.Phases.OrderBy(p => p.Position).ToList();
            for (var i = 0; i < Math.Min(phases.Count, PhaseRows); i++)
            {
                form.Phases[i] = new PhaseRow { IntervalWeeks = phases[i].IntervalWeeks, Sessions = phases[i].Sessions };
            }

            return form;
        }

        public sealed class PhaseRow
        {
            public int? IntervalWeeks { get; set; }
            public int? Sessions { get; set; }
        }
    }
}
