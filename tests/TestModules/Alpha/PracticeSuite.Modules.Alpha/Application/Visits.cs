using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Alpha.Contracts;
using PracticeSuite.Modules.Alpha.Domain;
using PracticeSuite.Modules.Alpha.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Monetary;

namespace PracticeSuite.Modules.Alpha.Application;

public sealed record RecordVisit(string VisitorName, decimal Fee, string Currency) : ICommand<Guid>, IAuditedRequest<Guid>
{
    /// <summary>A money operation, so audited: a change, whose entry commits or rolls back with the visit.</summary>
    public static readonly AuditAction VisitRecorded = new("alpha.visit.recorded", AuditKind.Change, "Recorded a visit");

    public AuditSubject DescribeAudit(Guid visitId) => new(VisitRecorded, "Visit", visitId.ToString(), null);
}

public sealed class RecordVisitValidator : AbstractValidator<RecordVisit>
{
    public RecordVisitValidator()
    {
        RuleFor(c => c.VisitorName).NotEmpty().WithMessage("Enter the visitor's name.").MaximumLength(100);
        RuleFor(c => c.Fee).GreaterThanOrEqualTo(0).WithMessage("The fee cannot be negative.");
        RuleFor(c => c.Currency).Must(Currency.IsSupported).WithMessage("Choose a supported currency.");
        RuleFor(c => c.Fee)
            .Must((command, fee) => !Currency.IsSupported(command.Currency) || decimal.Round(fee, Currency.Of(command.Currency).MinorDigits) == fee)
            .WithMessage("The fee has more decimal places than the currency allows.");
    }
}

public sealed class RecordVisitHandler(AlphaDbContext db, TimeProvider time) : IRequestHandler<RecordVisit, Guid>
{
    public Task<Guid> Handle(RecordVisit request, CancellationToken cancellationToken)
    {
        var visit = Visit.Record(request.VisitorName.Trim(), Money.FromDecimal(request.Fee, request.Currency), time.GetUtcNow().UtcDateTime);
        db.Visits.Add(visit);
        db.EnqueueIntegrationEvent(new VisitRecordedIntegrationEvent(visit.Id, visit.VisitorName));
        return Task.FromResult(visit.Id);
    }
}

/// <summary>Counts the visit; refuses a fourth, which must roll the visit itself back too.</summary>
public sealed class CountVisitOnVisitRecorded(AlphaDbContext db) : INotificationHandler<VisitRecorded>
{
    public async Task Handle(VisitRecorded notification, CancellationToken cancellationToken)
    {
        var tally = await db.Tallies.SingleOrDefaultAsync(t => t.VisitorName == notification.VisitorName, cancellationToken);
        if (tally is null)
        {
            tally = new VisitorTally { VisitorName = notification.VisitorName };
            db.Tallies.Add(tally);
        }

        tally.Visits++;
        if (tally.Visits > VisitorTally.MaxVisits)
        {
            throw new BusinessRuleException("visits.limit", $"{notification.VisitorName} has already been recorded {VisitorTally.MaxVisits} times.");
        }
    }
}

public sealed record VisitDto(Guid Id, string VisitorName, long FeeMinorUnits, string Currency, DateTime RecordedAt);

public sealed record ListVisits : IQuery<IReadOnlyList<VisitDto>>;

public sealed class ListVisitsHandler(AlphaDbContext db) : IRequestHandler<ListVisits, IReadOnlyList<VisitDto>>
{
    public async Task<IReadOnlyList<VisitDto>> Handle(ListVisits request, CancellationToken cancellationToken) =>
        await db.Visits.AsNoTracking()
            .OrderBy(v => v.RecordedAt)
            .Select(v => new VisitDto(v.Id, v.VisitorName, v.FeeMinorUnits, v.FeeCurrency, v.RecordedAt))
            .ToListAsync(cancellationToken);
}

public sealed class CountVisitsHandler(AlphaDbContext db) : IRequestHandler<CountVisits, int>
{
    public Task<int> Handle(CountVisits request, CancellationToken cancellationToken) => db.Visits.CountAsync(cancellationToken);
}
