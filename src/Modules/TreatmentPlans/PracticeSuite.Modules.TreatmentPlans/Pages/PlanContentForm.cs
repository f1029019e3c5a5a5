using PracticeSuite.Modules.TreatmentPlans.Domain;

namespace PracticeSuite.Modules.TreatmentPlans.Pages;

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
