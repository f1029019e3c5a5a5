using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Screening;

/// <summary>Records a physician's clearance on a "requires physician clearance" flag.</summary>
internal sealed record RecordClearance : ICommand, IClientRecordRequest, IAuditedRequest<Unit>
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

internal sealed class RecordClearanceValidator : AbstractValidator<RecordClearance>
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

internal sealed class RecordClearanceHandler(ClientsDbContext db, ClinicCalendar calendar, ScreeningEvaluator screening, ClearanceTasks tasks)
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
        await tasks.DoneAsync(flag.Id, cancellationToken); // the task asked for exactly this
        return Unit.Value;
    }
}
