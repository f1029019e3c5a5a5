using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Screening;

/// <summary>Changes what a "yes" to one screening question does. Applies to intakes submitted from now on.</summary>
internal sealed record UpdateScreeningRule : ICommand, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => new(ClientAudit.ScreeningRuleUpdated, ClientAudit.ScreeningRule, QuestionKey, ClientId: null);

    public string QuestionKey { get; init; } = "";
    public FlagKind? Kind { get; init; }
    public string? Reason { get; init; }
    public bool Enabled { get; init; } = true;
}

internal sealed class UpdateScreeningRuleValidator : AbstractValidator<UpdateScreeningRule>
{
    public UpdateScreeningRuleValidator()
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Choose the kind of flag.").IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the flag is raised.").MaximumLength(200);
        RuleFor(c => c.Kind).Must((c, kind) => kind != FlagKind.Local || ScreeningQuestions.Find(c.QuestionKey)?.AsksForBodyAreas == true)
            .WithMessage("Only questions that ask for body areas can raise a local flag.");
    }
}

internal sealed class UpdateScreeningRuleHandler(ClientsDbContext db, ClinicCalendar calendar, ICurrentUser user) : IRequestHandler<UpdateScreeningRule, Unit>
{
    public async Task<Unit> Handle(UpdateScreeningRule request, CancellationToken cancellationToken)
    {
        var rule = await db.ScreeningRules.SingleOrDefaultAsync(r => r.QuestionKey == request.QuestionKey, cancellationToken)
            ?? throw new NotFoundException("Screening rule", request.QuestionKey);
        rule.Change(request.Kind!.Value, request.Reason!, request.Enabled, calendar.UtcNow, user.UserId);
        return Unit.Value;
    }
}
