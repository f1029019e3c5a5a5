using MediatR;
using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Features.Screening;

internal sealed class GetTreatmentEligibilityHandler(ScreeningEvaluator screening)
    : IRequestHandler<GetTreatmentEligibility, TreatmentEligibility>
{
    public async Task<TreatmentEligibility> Handle(GetTreatmentEligibility request, CancellationToken cancellationToken)
    {
        var eligibility = await screening.EvaluateAsync(request.ClientId, cancellationToken);
        return eligibility;
    }
}
