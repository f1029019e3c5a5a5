using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Validation;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Screening;

/// <summary>
/// The screening-rules page's one Save: every rule the manager changed, in one transaction (all or none). Each
/// change is sent as an <see cref="UpdateScreeningRule"/> inside it, so each is validated and audited as when it is
/// changed alone; an unchanged rule writes nothing.
/// </summary>
internal sealed record UpdateScreeningRules(List<UpdateScreeningRule> Rules) : ICommand<int>;

internal sealed class UpdateScreeningRulesValidator : AbstractValidator<UpdateScreeningRules>
{
    public UpdateScreeningRulesValidator()
    {
        RuleFor(c => c.Rules).BoundedList();
        RuleForEach(c => c.Rules).NotNull().SetValidator(new UpdateScreeningRuleValidator());
        RuleFor(c => c.Rules).Must(rules => rules.Select(r => r.QuestionKey).Distinct().Count() == rules.Count)
            .WithMessage("Each question may appear only once.").When(c => c.Rules is not null && c.Rules.All(r => r is not null));
    }
}

internal sealed class UpdateScreeningRulesHandler(ClientsDbContext db, IMediator mediator) : IRequestHandler<UpdateScreeningRules, int>
{
    public async Task<int> Handle(UpdateScreeningRules request, CancellationToken cancellationToken)
    {
        var current = await db.ScreeningRules.AsNoTracking().ToDictionaryAsync(r => r.QuestionKey, cancellationToken);
        var changed = 0;
        foreach (var rule in request.Rules)
        {
            if (current.TryGetValue(rule.QuestionKey, out var stored)
                && stored.Kind == rule.Kind && stored.Reason == rule.Reason?.Trim() && stored.Enabled == rule.Enabled)
            {
                continue;
            }

            await mediator.Send(rule, cancellationToken); // joins this command's transaction (UnitOfWorkBehavior)
            changed++;
        }

        return changed;
    }
}
