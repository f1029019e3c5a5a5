using MediatR;
using PracticeSuite.Modules.TreatmentPlans.Features.Plans;

namespace PracticeSuite.Modules.TreatmentPlans.Pages.Portal;

/// <summary>The client's own treatment plans: goals, progress, home care and the last aftercare given; never the therapist's notes.</summary>
public sealed class MyPlansModel(IMediator mediator) : TreatmentPlansPageModel
{
    internal IReadOnlyList<PlanProgressView> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plans = await mediator.Send(new GetMyPlans(), cancellationToken);
}
