using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Screening;

internal sealed record ScreeningRuleView(string QuestionKey, string Question, FlagKind Kind, string Reason, bool Enabled, DateTime? UpdatedAt);

internal sealed record ListScreeningRules : IQuery<IReadOnlyList<ScreeningRuleView>>;

internal sealed class ListScreeningRulesHandler(ClientsDbContext db) : IRequestHandler<ListScreeningRules, IReadOnlyList<ScreeningRuleView>>
{
    public async Task<IReadOnlyList<ScreeningRuleView>> Handle(ListScreeningRules request, CancellationToken cancellationToken)
    {
        var rules = await db.ScreeningRules.AsNoTracking().ToListAsync(cancellationToken);
        return ScreeningQuestions.All
            .Select(q => rules.FirstOrDefault(r => r.QuestionKey == q.Key) is { } rule
                ? new ScreeningRuleView(q.Key, q.Text, rule.Kind, rule.Reason, rule.Enabled, rule.UpdatedAt)
                : null)
            .OfType<ScreeningRuleView>()
            .ToList();
    }
}
