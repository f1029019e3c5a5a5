using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Application;

/// <summary>Turns intake answers into flags through the clinic's rules, and works out eligibility.</summary>
public sealed class ScreeningEvaluator(ClientsDbContext db, ClinicCalendar calendar)
{
    /// <summary>
    /// Raises a flag for each "yes" whose rule is enabled, keeps (with its clearance) a flag the same answer
    /// raised before, and resolves flags whose answer is now "no". Absolute flags are for the day of the intake.
    /// </summary>
    public async Task ApplyAsync(Guid clientId, IntakeAnswers answers, int intakeVersion, CancellationToken cancellationToken)
    {
        var rules = await db.ScreeningRules.ToDictionaryAsync(r => r.QuestionKey, cancellationToken);
        var active = await db.Flags.Where(f => f.ClientId == clientId && f.ResolvedAt == null).ToListAsync(cancellationToken);
        var today = calendar.Today;
        var kept = new HashSet<Guid>();
        foreach (var answer in answers.Screening.Where(a => a.Yes))
        {
            if (!rules.TryGetValue(answer.QuestionKey, out var rule) || !rule.Enabled)
            {
                continue;
            }

            var day = rule.Kind == FlagKind.AbsoluteToday ? today : (DateOnly?)null;
            var existing = active.FirstOrDefault(f => f.QuestionKey == rule.QuestionKey && f.Kind == rule.Kind && f.Day == day);
            if (existing is not null)
            {
                existing.Confirm(rule, answer.BodyAreaCodes, intakeVersion);
                kept.Add(existing.Id);
            }
            else
            {
                db.Flags.Add(ScreeningFlag.Raise(clientId, rule, answer.BodyAreaCodes, day, intakeVersion, calendar.UtcNow));
            }
        }

        foreach (var flag in active.Where(f => !kept.Contains(f.Id)))
        {
            flag.Resolve(calendar.UtcNow);
        }
    }

    /// <summary>Saves the pending changes (inside the command's transaction) and tells other modules eligibility may have changed.</summary>
    public async Task PublishChangeAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var eligibility = await EvaluateAsync(clientId, cancellationToken);
        db.EnqueueIntegrationEvent(new ClientScreeningChanged(clientId, eligibility.MayStartPlan));
    }

    public async Task<IReadOnlyList<ScreeningFlag>> ActiveFlagsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var flags = await db.Flags.AsNoTracking().Where(f => f.ClientId == clientId && f.ResolvedAt == null)
            .OrderBy(f => f.RaisedAt).ToListAsync(cancellationToken);
        return flags.Where(f => !f.HasLapsed(today)).ToList();
    }

    /// <summary>Gathers what the rules need from the client's tables; <see cref="Eligibility"/> decides.</summary>
    public async Task<TreatmentEligibility> EvaluateAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId, cancellationToken);
        var hasIntake = await db.Intakes.AnyAsync(i => i.ClientId == clientId, cancellationToken);
        var consent = await ConsentQueries.StatusAsync(db, clientId, cancellationToken);
        var flags = await ActiveFlagsAsync(clientId, cancellationToken);
        return Eligibility.Evaluate(clientId, client.IsErased || client.IsArchived, hasIntake, consent.CurrentVersion, consent.SignedVersion, flags, calendar.Today);
    }
}

public sealed class GetTreatmentEligibilityHandler(ScreeningEvaluator screening)
    : IRequestHandler<GetTreatmentEligibility, TreatmentEligibility>
{
    public async Task<TreatmentEligibility> Handle(GetTreatmentEligibility request, CancellationToken cancellationToken)
    {
        var eligibility = await screening.EvaluateAsync(request.ClientId, cancellationToken);
        return eligibility;
    }
}

/// <summary>Every flag of a client, active first, for the staff's flag panel (including resolved ones, for the record).</summary>
public sealed record GetClientFlags(Guid ClientId) : IQuery<IReadOnlyList<FlagDetails>>, IClientRecordRequest, IAuditedRequest<IReadOnlyList<FlagDetails>>
{
    public AuditSubject DescribeAudit(IReadOnlyList<FlagDetails> _) => new(ClientAudit.FlagsRead, ClientAudit.ScreeningFlags, ClientId.ToString(), ClientId);
}

public sealed record FlagDetails(ScreeningFlagView Flag, bool Active, bool Lapsed, DateTime RaisedAt, int RaisedByIntakeVersion, DateTime? ResolvedAt);

public sealed class GetClientFlagsHandler(ClientsDbContext db, ClinicCalendar calendar)
    : IRequestHandler<GetClientFlags, IReadOnlyList<FlagDetails>>
{
    public async Task<IReadOnlyList<FlagDetails>> Handle(GetClientFlags request, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var flags = await db.Flags.AsNoTracking().Where(f => f.ClientId == request.ClientId).ToListAsync(cancellationToken);
        return flags
            .Select(f => new FlagDetails(f.ToView(today), f.IsActive && !f.HasLapsed(today), f.HasLapsed(today), f.RaisedAt, f.RaisedByIntakeVersion, f.ResolvedAt))
            .OrderByDescending(f => f.Active).ThenByDescending(f => f.RaisedAt)
            .ToList();
    }
}

/// <summary>Records a physician's clearance on a "requires physician clearance" flag.</summary>
public sealed record RecordClearance : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
{
    public AuditSubject DescribeAudit(Unit _) => new(ClientAudit.ClearanceRecorded, ClientAudit.ScreeningFlag, FlagId.ToString(), ClientId);

    public Guid ClientId { get; init; }
    public Guid FlagId { get; init; }
    public string? Physician { get; init; }
    public DateOnly? ClearedOn { get; init; }
    public ClearanceOutcome? Outcome { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public string? Notes { get; init; }
}

public sealed class RecordClearanceValidator : AbstractValidator<RecordClearance>
{
    public RecordClearanceValidator(ClinicCalendar calendar)
    {
        RuleFor(c => c.Physician).NotEmpty().WithMessage("Enter the physician who gave the clearance.").MaximumLength(200);
        RuleFor(c => c.ClearedOn).NotNull().WithMessage("Enter the date of the clearance.");
        RuleFor(c => c.ClearedOn).Must(d => d!.Value <= calendar.Today).When(c => c.ClearedOn is not null).WithMessage("The clearance date cannot be in the future.");
        RuleFor(c => c.Outcome).NotNull().WithMessage("Choose the physician's decision.").IsInEnum();
        RuleFor(c => c.ExpiresOn).Must((c, expires) => c.ClearedOn is null || expires!.Value >= c.ClearedOn.Value)
            .When(c => c.ExpiresOn is not null).WithMessage("The clearance cannot expire before it was given.");
        RuleFor(c => c.Notes).MaximumLength(ClientsDbContext.TextLength);
    }
}

public sealed class RecordClearanceHandler(ClientsDbContext db, ClinicCalendar calendar, ScreeningEvaluator screening)
    : IRequestHandler<RecordClearance, Unit>
{
    public async Task<Unit> Handle(RecordClearance request, CancellationToken cancellationToken)
    {
        var flag = await db.Flags.SingleOrDefaultAsync(f => f.Id == request.FlagId && f.ClientId == request.ClientId, cancellationToken)
            ?? throw new NotFoundException("Flag", request.FlagId);
        if (flag.Kind != FlagKind.RequiresPhysicianClearance || !flag.IsActive)
        {
            throw new BusinessRuleException("flag.no-clearance", "A clearance can be recorded only on an active flag that requires physician clearance.");
        }

        flag.RecordClearance(request.Physician!, request.ClearedOn!.Value, request.Outcome!.Value, request.ExpiresOn, request.Notes, calendar.UtcNow);
        await screening.PublishChangeAsync(request.ClientId, cancellationToken);
        return Unit.Value;
    }
}

// ---------------------------------------------------------------- rules (manager)

public sealed record ScreeningRuleView(string QuestionKey, string Question, FlagKind Kind, string Reason, bool Enabled, DateTime? UpdatedAt);

public sealed record ListScreeningRules : IQuery<IReadOnlyList<ScreeningRuleView>>;

public sealed class ListScreeningRulesHandler(ClientsDbContext db) : IRequestHandler<ListScreeningRules, IReadOnlyList<ScreeningRuleView>>
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

/// <summary>Changes what a "yes" to one screening question does. Applies to intakes submitted from now on.</summary>
public sealed record UpdateScreeningRule : ICommand
{
    public string QuestionKey { get; init; } = "";
    public FlagKind? Kind { get; init; }
    public string? Reason { get; init; }
    public bool Enabled { get; init; } = true;
}

public sealed class UpdateScreeningRuleValidator : AbstractValidator<UpdateScreeningRule>
{
    public UpdateScreeningRuleValidator()
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Choose the kind of flag.").IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the flag is raised.").MaximumLength(200);
        RuleFor(c => c.Kind).Must((c, kind) => kind != FlagKind.Local || ScreeningQuestions.Find(c.QuestionKey)?.AsksForBodyAreas == true)
            .WithMessage("Only questions that ask for body areas can raise a local flag.");
    }
}

public sealed class UpdateScreeningRuleHandler(ClientsDbContext db, ClinicCalendar calendar, ICurrentUser user) : IRequestHandler<UpdateScreeningRule, Unit>
{
    public async Task<Unit> Handle(UpdateScreeningRule request, CancellationToken cancellationToken)
    {
        var rule = await db.ScreeningRules.SingleOrDefaultAsync(r => r.QuestionKey == request.QuestionKey, cancellationToken)
            ?? throw new NotFoundException("Screening rule", request.QuestionKey);
        rule.Change(request.Kind!.Value, request.Reason!, request.Enabled, calendar.UtcNow, user.UserId);
        return Unit.Value;
    }
}
