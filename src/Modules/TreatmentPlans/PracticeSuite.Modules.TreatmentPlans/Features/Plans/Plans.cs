using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Application;
using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Assessments;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.TreatmentPlans.Features.Plans;

internal static class PlanAudit
{
    public const string RecordType = "TreatmentPlan";

    public static readonly AuditAction Drafted = new("treatmentplans.plan.drafted", AuditKind.Change, "Drafted a treatment plan");
    public static readonly AuditAction Changed = new("treatmentplans.plan.changed", AuditKind.Change, "Changed a treatment plan");
    public static readonly AuditAction Activated = new("treatmentplans.plan.activated", AuditKind.Change, "Started a treatment plan");
    public static readonly AuditAction Completed = new("treatmentplans.plan.completed", AuditKind.Change, "Completed a treatment plan");
    public static readonly AuditAction Discontinued = new("treatmentplans.plan.discontinued", AuditKind.Change, "Discontinued a treatment plan");
    public static readonly AuditAction Read = new("treatmentplans.plan.read", AuditKind.Read, "Viewed a treatment plan");
    public static readonly AuditAction ListRead = new("treatmentplans.plans.read", AuditKind.Read, "Viewed a client's assessments and plans");

    public static AuditSubject Subject(AuditAction action, PlanRef plan) => new(action, RecordType, plan.PlanId.ToString(), plan.ClientId);
}

internal sealed record PlanRef(Guid PlanId, Guid ClientId);

/// <summary>The plan's content as a form or the API sends it.</summary>
internal interface IPlanContentRequest
{
    string? Conditions { get; }
    IReadOnlyList<Technique> Techniques { get; }
    IReadOnlyList<PlanPhaseInput> Phases { get; }
    DateOnly? ReassessOn { get; }
}

internal static class PlanContents
{
    // A JSON body may send null for a list or inside one: read as "none", which the plan's rules then refuse or accept.
    public static PlanContent From(IPlanContentRequest request) =>
        new(request.Conditions ?? "", request.Techniques ?? [], (request.Phases ?? []).Where(p => p is not null).ToList(), request.ReassessOn);
}

internal sealed record DraftPlan : ICommand<PlanRef>, IClientRecordRequest, IClinicalRequest, IPlanContentRequest, IAuditedRequest<PlanRef>
{
    public Guid ClientId { get; init; }
    public Guid? AssessmentId { get; init; }
    public string? Conditions { get; init; }
    public IReadOnlyList<Technique> Techniques { get; init; } = [];
    public IReadOnlyList<PlanPhaseInput> Phases { get; init; } = [];
    public DateOnly? ReassessOn { get; init; }

    public AuditSubject DescribeAudit(PlanRef plan) => PlanAudit.Subject(PlanAudit.Drafted, plan);
}

internal sealed class PlanTextValidator : AbstractValidator<DraftPlan>
{
    public PlanTextValidator() => RuleFor(c => c.Conditions).MaximumLength(TreatmentPlan.TextLength);
}

internal sealed class DraftPlanHandler(TreatmentPlansDbContext db, RecordingTherapist recorder, ClinicCalendar calendar) : IRequestHandler<DraftPlan, PlanRef>
{
    public async Task<PlanRef> Handle(DraftPlan request, CancellationToken cancellationToken)
    {
        if (request.AssessmentId is { } assessmentId && !await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.ClientId == request.ClientId, cancellationToken))
        {
            throw RequestValidationException.For("AssessmentId", "Choose one of the client's assessments.");
        }

        var therapistId = await recorder.ForClientAsync(request.ClientId, cancellationToken);
        var plan = TreatmentPlan.Draft(Guid.CreateVersion7(), request.ClientId, therapistId, request.AssessmentId, PlanContents.From(request), calendar.Today, calendar.UtcNow);
        db.Plans.Add(plan);
        return new PlanRef(plan.Id, plan.ClientId);
    }
}

/// <summary>A change to an open plan, audited as such.</summary>
internal abstract record PlanChange : ICommand<PlanRef>, IPlanRequest, IAuditedRequest<PlanRef>
{
    public Guid PlanId { get; init; }

    public virtual AuditSubject DescribeAudit(PlanRef plan) => PlanAudit.Subject(PlanAudit.Changed, plan);
}

internal sealed record RevisePlan : PlanChange, IPlanContentRequest
{
    public string? Conditions { get; init; }
    public IReadOnlyList<Technique> Techniques { get; init; } = [];
    public IReadOnlyList<PlanPhaseInput> Phases { get; init; } = [];
    public DateOnly? ReassessOn { get; init; }
}

internal sealed record AddGoal : PlanChange
{
    public GoalMeasure Measure { get; init; }
    public string? Description { get; init; }
    public string? Movement { get; init; }
    public BodySide? Side { get; init; }
    public int? Baseline { get; init; }
    public int? Target { get; init; }
    public string? Unit { get; init; }
    public DateOnly? TargetDate { get; init; }
}

internal sealed record AddHomeCare : PlanChange
{
    public string? Exercise { get; init; }
    public string? Dose { get; init; }
    public string? Instructions { get; init; }
}

internal sealed record RemovePlanItem : PlanChange
{
    public Guid ItemId { get; init; }
}

internal sealed record ActivatePlan : PlanChange
{
    public override AuditSubject DescribeAudit(PlanRef plan) => PlanAudit.Subject(PlanAudit.Activated, plan);
}

internal sealed record CompletePlan : PlanChange
{
    public override AuditSubject DescribeAudit(PlanRef plan) => PlanAudit.Subject(PlanAudit.Completed, plan);
}

internal sealed record DiscontinuePlan : PlanChange
{
    public string? Reason { get; init; }

    public override AuditSubject DescribeAudit(PlanRef plan) => PlanAudit.Subject(PlanAudit.Discontinued, plan);
}

internal sealed class PlanTextLimits :
    AbstractValidator<AddGoal>
{
    public PlanTextLimits()
    {
        RuleFor(c => c.Description).MaximumLength(TreatmentPlan.NameLength);
        RuleFor(c => c.Unit).MaximumLength(TreatmentPlan.NameLength);
        RuleFor(c => c.Baseline).NotNull().WithMessage("Give the value at the start.");
        RuleFor(c => c.Target).NotNull().WithMessage("Give the target.");
    }
}

internal sealed class HomeCareLimits : AbstractValidator<AddHomeCare>
{
    public HomeCareLimits()
    {
        RuleFor(c => c.Exercise).MaximumLength(TreatmentPlan.NameLength);
        RuleFor(c => c.Dose).MaximumLength(TreatmentPlan.NameLength);
        RuleFor(c => c.Instructions).MaximumLength(TreatmentPlan.TextLength);
    }
}

internal sealed class DiscontinueLimits : AbstractValidator<DiscontinuePlan>
{
    public DiscontinueLimits() => RuleFor(c => c.Reason).MaximumLength(TreatmentPlan.TextLength);
}

internal sealed class PlanChangeHandlers(TreatmentPlansDbContext db, IMediator mediator, PlanCourses courses, ClinicCalendar calendar) :
    IRequestHandler<RevisePlan, PlanRef>,
    IRequestHandler<AddGoal, PlanRef>,
    IRequestHandler<AddHomeCare, PlanRef>,
    IRequestHandler<RemovePlanItem, PlanRef>,
    IRequestHandler<ActivatePlan, PlanRef>,
    IRequestHandler<CompletePlan, PlanRef>,
    IRequestHandler<DiscontinuePlan, PlanRef>
{
    public Task<PlanRef> Handle(RevisePlan request, CancellationToken cancellationToken) =>
        ChangeAsync(request.PlanId, plan => plan.Revise(PlanContents.From(request), calendar.Today, calendar.UtcNow), cancellationToken);

    public Task<PlanRef> Handle(AddGoal request, CancellationToken cancellationToken) =>
        ChangeAsync(request.PlanId, plan => plan.AddGoal(
            new GoalInput(request.Measure, request.Description, request.Movement, request.Side, request.Baseline ?? 0, request.Target ?? 0, request.Unit, request.TargetDate),
            calendar.Today, calendar.UtcNow), cancellationToken);

    public Task<PlanRef> Handle(AddHomeCare request, CancellationToken cancellationToken) =>
        ChangeAsync(request.PlanId, plan => plan.AddHomeCare(new HomeCareInput(request.Exercise, request.Dose, request.Instructions), calendar.UtcNow), cancellationToken);

    public Task<PlanRef> Handle(RemovePlanItem request, CancellationToken cancellationToken) =>
        // Removing is idempotent: an item already gone (a second click, a second tab) leaves nothing to do.
        ChangeAsync(request.PlanId, plan => plan.RemoveItem(request.ItemId, calendar.UtcNow), cancellationToken);

    public async Task<PlanRef> Handle(ActivatePlan request, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(request.PlanId, cancellationToken);
        var gate = PlanGates.From(await mediator.Send(new GetTreatmentEligibility(plan.ClientId), cancellationToken));
        plan.Activate(gate, calendar.UtcNow);
        db.EnqueueIntegrationEvent(new PlanActivated(plan.Id, plan.ClientId, plan.TherapistId, plan.PlannedSessions, plan.ReassessOn, plan.ActivatedAt!.Value));
        return new PlanRef(plan.Id, plan.ClientId);
    }

    public async Task<PlanRef> Handle(CompletePlan request, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(request.PlanId, cancellationToken);
        plan.Complete(calendar.UtcNow);
        var course = await courses.WhereAsync(plan, cancellationToken);
        db.EnqueueIntegrationEvent(new PlanCompleted(plan.Id, plan.ClientId, plan.TherapistId, course.Used, plan.ClosedAt!.Value));
        return new PlanRef(plan.Id, plan.ClientId);
    }

    public async Task<PlanRef> Handle(DiscontinuePlan request, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(request.PlanId, cancellationToken);
        var wasActive = plan.Status == PlanStatus.Active;
        plan.Discontinue(request.Reason, calendar.UtcNow);
        db.EnqueueIntegrationEvent(new PlanDiscontinued(plan.Id, plan.ClientId, plan.TherapistId, wasActive, plan.ClosedAt!.Value));
        return new PlanRef(plan.Id, plan.ClientId);
    }

    private async Task<PlanRef> ChangeAsync(Guid planId, Action<TreatmentPlan> change, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(planId, cancellationToken);
        change(plan);
        return new PlanRef(plan.Id, plan.ClientId);
    }

    private async Task<TreatmentPlan> LoadAsync(Guid planId, CancellationToken cancellationToken) =>
        await db.Plans.Include(p => p.Phases).Include(p => p.Goals).Include(p => p.HomeCare).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new NotFoundException("Plan", planId);
}

internal static class PlanGates
{
    /// <summary>Only the reasons that stop a plan count here; "not today" reasons (an absolute flag) stop a session, not a plan.</summary>
    public static PlanGate From(TreatmentEligibility eligibility) =>
        new(eligibility.MayStartPlan, eligibility.Blockers.Where(b => b.BlocksPlan).Select(b => new PlanBlocker(b.Code, b.Message, b.FlagId)).ToList());
}

/// <summary>A plan's course counted from Scheduling: its completed appointments and those still to come.</summary>
internal sealed class PlanCourses(IMediator mediator, ClinicCalendar calendar)
{
    public sealed record Course(PlanCourse.Position Position, IReadOnlyList<AppointmentView> Appointments)
    {
        public int Used => Position.Used;

        public int Booked => Appointments.Count(a => a.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn);
    }

    public async Task<Course> WhereAsync(TreatmentPlan plan, CancellationToken cancellationToken)
    {
        var appointments = await mediator.Send(new GetClientAppointments(plan.ClientId), cancellationToken);
        var ofPlan = appointments.Upcoming.Concat(appointments.Past).Where(a => a.PlanId == plan.Id).OrderBy(a => a.StartsAt).ToList();
        var completed = ofPlan.Where(a => a.Status == AppointmentStatus.Completed)
            .Select(a => DateOnly.FromDateTime(calendar.ToClinicTime(a.StartsAt))).ToList();
        var startedOn = DateOnly.FromDateTime(calendar.ToClinicTime(plan.ActivatedAt ?? plan.CreatedAt));
        var position = PlanCourse.Where(plan.Phases, startedOn, completed);
        return new Course(plan.Status == PlanStatus.Active ? position : position with { DueOn = null, IntervalWeeks = null }, ofPlan);
    }
}

internal sealed class GetPlanNextSessionHandler(TreatmentPlansDbContext db, PlanCourses courses) : IRequestHandler<GetPlanNextSession, PlanNextSession>
{
    public async Task<PlanNextSession> Handle(GetPlanNextSession request, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Id == request.PlanId, cancellationToken)
            ?? throw new NotFoundException("Plan", request.PlanId);
        var course = await courses.WhereAsync(plan, cancellationToken);
        return new PlanNextSession(plan.Id, plan.ClientId, plan.TherapistId, plan.Status, course.Position.Planned, course.Used, course.Booked,
            course.Position.DueOn, course.Position.IntervalWeeks);
    }
}

/// <summary>A plan with what its page shows: the course so far, and for a draft whether the client may start it.</summary>
internal sealed record GetPlan(Guid PlanId) : IQuery<PlanDetails>, IPlanRequest, IAuditedRequest<PlanDetails>
{
    public AuditSubject DescribeAudit(PlanDetails details) => PlanAudit.Subject(PlanAudit.Read, new PlanRef(details.Plan.Id, details.Plan.ClientId));
}

/// <param name="Gate">For a draft: may the client start it, and if not why.</param>
/// <param name="AreasToAvoid">Body areas of the client's local flags: not to be treated.</param>
/// <param name="Findings">The zones of the assessment the plan was drafted from, for the body chart; empty without one.</param>
internal sealed record PlanDetails(TreatmentPlan Plan, PlanCourses.Course Course, PlanGate? Gate, IReadOnlyList<string> AreasToAvoid, IReadOnlyList<ScreeningFlagView> Cautions,
    AssessmentZones Findings);

internal sealed class GetPlanHandler(TreatmentPlansDbContext db, PlanCourses courses, IMediator mediator) : IRequestHandler<GetPlan, PlanDetails>
{
    public async Task<PlanDetails> Handle(GetPlan request, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Goals).Include(p => p.HomeCare).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == request.PlanId, cancellationToken) ?? throw new NotFoundException("Plan", request.PlanId);
        var course = await courses.WhereAsync(plan, cancellationToken);
        var eligibility = await mediator.Send(new GetTreatmentEligibility(plan.ClientId), cancellationToken);
        var gate = plan.Status == PlanStatus.Draft ? PlanGates.From(eligibility) : null;
        var areas = eligibility.Cautions.Where(f => f.Kind == FlagKind.Local).SelectMany(f => f.BodyAreaCodes).Distinct().ToList();
        var assessment = plan.AssessmentId is { } assessmentId
            ? await db.Assessments.AsNoTracking().Include(a => a.Complaints).Include(a => a.TriggerPoints).AsSplitQuery()
                .SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            : null;
        return new PlanDetails(plan, course, gate, areas, eligibility.Cautions, assessment is null ? AssessmentZones.None : AssessmentZones.Of(assessment));
    }
}

/// <summary>A client's assessments and plans, newest first: the client's clinical page.</summary>
internal sealed record GetClinicalRecord(Guid ClientId) : IQuery<ClinicalRecord>, IClientRecordRequest, IClinicalRequest, IAuditedRequest<ClinicalRecord>
{
    public AuditSubject DescribeAudit(ClinicalRecord _) => new(PlanAudit.ListRead, PlanAudit.RecordType, ClientId.ToString(), ClientId);
}

internal sealed record ClinicalRecord(Guid ClientId, IReadOnlyList<AssessmentSummary> Assessments, IReadOnlyList<PlanSummary> Plans);

internal sealed record AssessmentSummary(Guid Id, DateOnly AssessedOn, Guid TherapistId, int Complaints, int TriggerPoints, int Ranges);

internal sealed record PlanSummary(Guid Id, PlanStatus Status, string Conditions, Guid TherapistId, int PlannedSessions, DateTime CreatedAt);

internal sealed class GetClinicalRecordHandler(TreatmentPlansDbContext db) : IRequestHandler<GetClinicalRecord, ClinicalRecord>
{
    public async Task<ClinicalRecord> Handle(GetClinicalRecord request, CancellationToken cancellationToken)
    {
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.ClientId == request.ClientId)
            .Select(a => new AssessmentSummary(a.Id, a.AssessedOn, a.TherapistId, a.Complaints.Count, a.TriggerPoints.Count, a.Ranges.Count))
            .ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().Where(p => p.ClientId == request.ClientId)
            .Select(p => new PlanSummary(p.Id, p.Status, p.Conditions, p.TherapistId, p.Phases.Sum(f => f.Sessions), p.CreatedAt))
            .ToListAsync(cancellationToken);
        return new ClinicalRecord(request.ClientId,
            assessments.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).ToList(),
            plans.OrderByDescending(p => p.CreatedAt).ToList());
    }
}

/// <summary>
/// Books the plan's sessions through Scheduling's series booking, with the plan's therapist, named as the plan's. Only
/// an active plan's: a draft waits for the clearance gate. Not a command of this module: it changes nothing here, and
/// Scheduling's command runs in Scheduling's own transaction (one module's transaction never waits on another's).
/// </summary>
internal sealed record BookPlanCourse : IRequest<SeriesBooking>, IPlanRequest
{
    public Guid PlanId { get; init; }
    public Guid ServiceId { get; init; }
    public DateOnly? FirstDate { get; init; }
    public TimeOnly? Time { get; init; }
    public int Occurrences { get; init; }
    public int IntervalWeeks { get; init; } = 1;
    public bool BookFreeOnly { get; init; }
    public Guid? RequestId { get; init; }
}

internal sealed class BookPlanCourseHandler(TreatmentPlansDbContext db, IMediator mediator) : IRequestHandler<BookPlanCourse, SeriesBooking>
{
    public async Task<SeriesBooking> Handle(BookPlanCourse request, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PlanId, cancellationToken) ?? throw new NotFoundException("Plan", request.PlanId);
        if (plan.Status != PlanStatus.Active)
        {
            throw new BusinessRuleException("plan.not-active", "Sessions can be booked for an active plan only: start the plan first.");
        }

        // One session (the next of the course) is a booking, not a series; the answer has the same shape either way.
        if (request.Occurrences == 1)
        {
            var id = await mediator.Send(new BookAppointment
            {
                ClientId = plan.ClientId,
                ServiceId = request.ServiceId,
                TherapistId = plan.TherapistId,
                Date = request.FirstDate,
                Time = request.Time,
                RequestId = request.RequestId,
                PlanId = plan.Id,
            }, cancellationToken);
            var booked = await mediator.Send(new GetAppointment(id), cancellationToken);
            return new SeriesBooking(Guid.Empty, [new SeriesOccurrence(request.FirstDate!.Value, booked.StartsAt, id, null)], []);
        }

        // Scheduling's own transaction, checks and audit; this module adds only whose plan the sessions belong to.
        return await mediator.Send(new BookAppointmentSeries
        {
            ClientId = plan.ClientId,
            ServiceId = request.ServiceId,
            TherapistId = plan.TherapistId,
            FirstDate = request.FirstDate,
            Time = request.Time,
            Occurrences = request.Occurrences,
            IntervalWeeks = request.IntervalWeeks,
            BookFreeOnly = request.BookFreeOnly,
            RequestId = request.RequestId,
            PlanId = plan.Id,
        }, cancellationToken);
    }
}
