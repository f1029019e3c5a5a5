using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Features.Plans;

namespace PracticeSuite.Modules.TreatmentPlans.Pages.Plans;

/// <summary>A plan's progress for the therapist: goals against targets, sessions used, and each measure over time, charted and tabled.</summary>
public sealed class ProgressModel(IMediator mediator) : TreatmentPlansPageModel
{
    [FromRoute]
    public Guid PlanId { get; set; }

    internal PlanProgressView Progress { get; private set; } = null!;

    internal ClientSummary Client { get; private set; } = null!;

    internal IReadOnlyList<LineChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Progress = await mediator.Send(new GetPlanProgress(PlanId), cancellationToken);
        Client = await mediator.Send(new GetClientSummary(Progress.Plan.ClientId), cancellationToken);
        Charts = ProgressCharts.For(Progress);
    }
}

/// <summary>The charts a plan's progress is shown with, on the therapist's page and in the client's portal.</summary>
internal static class ProgressCharts
{
    public static IReadOnlyList<LineChart> For(PlanProgressView progress, bool forClient = false)
    {
        var painTarget = progress.Goals.Where(g => g.Goal.Measure == Domain.GoalMeasure.Pain).Select(g => (int?)g.Goal.Target).FirstOrDefault();
        var charts = new List<LineChart> { new($"pain-{progress.Plan.Id:N}", "Pain over the sessions (0–10)", "/10", 0, 10, progress.Pain, painTarget) };
        foreach (var range in progress.Ranges)
        {
            var goal = progress.Goals.FirstOrDefault(g =>
                g.Goal.Measure == Domain.GoalMeasure.RangeOfMotion && Domain.Progress.RangeKey(g.Goal.MovementCode ?? "", g.Goal.Side) == range.Key);
            var max = Math.Max(range.Points.Max(p => p.Value), goal?.Goal.Target ?? 0);
            charts.Add(new LineChart($"range-{range.Key.Replace('|', '-')}-{progress.Plan.Id:N}", $"Range of motion: {range.Label} (degrees)", "°", 0, RoundUp(max), [range], goal?.Goal.Target));
        }

        if (!forClient && progress.Tenderness.Count > 0)
        {
            charts.Add(new LineChart($"tenderness-{progress.Plan.Id:N}", "Trigger-point tenderness (0–10)", "/10", 0, 10, progress.Tenderness.Take(3).ToList()));
        }

        return charts;
    }

    private static int RoundUp(int degrees) => Math.Max(20, (degrees + 19) / 20 * 20);
}
