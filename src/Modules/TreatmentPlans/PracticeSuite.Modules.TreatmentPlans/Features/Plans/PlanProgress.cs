using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Features.Reference;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.TreatmentPlans.Features.Plans;

internal static class ProgressAudit
{
    public static readonly AuditAction Read = new("treatmentplans.progress.read", AuditKind.Read, "Viewed a treatment plan's progress");
    public static readonly AuditAction ReadByClient = new("treatmentplans.plans.read-by-client", AuditKind.Read, "Viewed their own treatment plans");
}

/// <summary>A plan's progress for the therapist: every series measured since it was drafted, and each goal against its target.</summary>
internal sealed record GetPlanProgress(Guid PlanId) : IQuery<PlanProgressView>, IPlanRequest, IAuditedRequest<PlanProgressView>
{
    public AuditSubject DescribeAudit(PlanProgressView progress) =>
        new(ProgressAudit.Read, PlanAudit.RecordType, progress.Plan.Id.ToString(), progress.Plan.ClientId);
}

/// <param name="Pain">Pain per complaint from the plan's signed notes.</param>
/// <param name="Ranges">Ranges of motion from the client's assessments since the plan's own.</param>
/// <param name="Tenderness">Trigger-point tenderness per muscle and side from the same assessments.</param>
internal sealed record PlanProgressView(
    TreatmentPlan Plan,
    int SessionsUsed,
    int SessionsPlanned,
    IReadOnlyList<ProgressSeries> Pain,
    IReadOnlyList<ProgressSeries> Ranges,
    IReadOnlyList<ProgressSeries> Tenderness,
    IReadOnlyList<GoalProgress> Goals,
    IReadOnlyList<Aftercare> LatestAftercare);

/// <summary>Reads what a plan's progress is made of; shared by the therapist's page and the client's portal view.</summary>
internal sealed class PlanProgressReader(TreatmentPlansDbContext db, PlanCourses courses, MuscleCatalogue muscles, ClinicCalendar calendar)
{
    public async Task<PlanProgressView> ReadAsync(TreatmentPlan plan, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().Include(n => n.PainScores)
            .Where(n => n.PlanId == plan.Id && n.SignedAt != null).OrderBy(n => n.AppointmentStartsAt).ToListAsync(cancellationToken);
        var since = plan.AssessmentId is { } assessmentId
            ? await db.Assessments.Where(a => a.Id == assessmentId).Select(a => (DateOnly?)a.AssessedOn).SingleOrDefaultAsync(cancellationToken)
            : null;
        var from = since ?? DateOnly.FromDateTime(calendar.ToClinicTime(plan.CreatedAt));
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Ranges).Include(a => a.TriggerPoints).AsSplitQuery()
            .Where(a => a.ClientId == plan.ClientId && a.AssessedOn >= from).OrderBy(a => a.AssessedOn).ToListAsync(cancellationToken);
        var names = (await muscles.AllAsync(cancellationToken)).ToDictionary(m => m.Code, m => m.Name, StringComparer.Ordinal);

        var pain = Progress.Pain(notes.SelectMany(n => n.PainScores.Select(p => (Day(n.AppointmentStartsAt), p.Label, p.Score))));
        var ranges = Progress.Ranges(assessments.SelectMany(a => a.Ranges.Select(r => (a.AssessedOn, r))));
        var tenderness = Progress.Tenderness(assessments.SelectMany(a => a.TriggerPoints.Select(t => (a.AssessedOn, t, names.GetValueOrDefault(t.MuscleCode, t.MuscleCode)))));
        var course = await courses.WhereAsync(plan, cancellationToken);
        return new PlanProgressView(plan, course.Used, course.Position.Planned, pain, ranges, tenderness,
            plan.Goals.Select(g => Progress.ForGoal(g, pain, ranges)).ToList(), notes.LastOrDefault()?.AftercareGiven ?? []);
    }

    private DateOnly Day(DateTime utc) => DateOnly.FromDateTime(calendar.ToClinicTime(utc));
}

internal sealed class GetPlanProgressHandler(TreatmentPlansDbContext db, PlanProgressReader reader) : IRequestHandler<GetPlanProgress, PlanProgressView>
{
    public async Task<PlanProgressView> Handle(GetPlanProgress request, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Goals).Include(p => p.HomeCare).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == request.PlanId, cancellationToken) ?? throw new NotFoundException("Plan", request.PlanId);
        return await reader.ReadAsync(plan, cancellationToken);
    }
}

/// <summary>
/// The signed-in client's own plans that have started (drafts are the therapist's working papers): goals, progress,
/// home care and the last aftercare given. Never the therapist's notes.
/// </summary>
internal sealed record GetMyPlans : IQuery<IReadOnlyList<PlanProgressView>>, IAuditedRequest<IReadOnlyList<PlanProgressView>>
{
    // No plan shown, no health information read: nothing to audit.
    public AuditSubject? DescribeAudit(IReadOnlyList<PlanProgressView> plans) => plans.Count == 0
        ? null
        : new(ProgressAudit.ReadByClient, PlanAudit.RecordType, plans[0].Plan.ClientId.ToString(), plans[0].Plan.ClientId);
}

internal sealed class GetMyPlansHandler(TreatmentPlansDbContext db, PlanProgressReader reader, ICurrentUser user)
    : IRequestHandler<GetMyPlans, IReadOnlyList<PlanProgressView>>
{
    public async Task<IReadOnlyList<PlanProgressView>> Handle(GetMyPlans request, CancellationToken cancellationToken)
    {
        if (user.IsSystem || user.ClientId is not { } clientId)
        {
            throw new NotFoundException("Client", "(no client record linked to this account)");
        }

        var plans = await db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Goals).Include(p => p.HomeCare).AsSplitQuery()
            .Where(p => p.ClientId == clientId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Completed))
            .OrderByDescending(p => p.ActivatedAt).ToListAsync(cancellationToken);
        var views = new List<PlanProgressView>();
        foreach (var plan in plans)
        {
            views.Add(await reader.ReadAsync(plan, cancellationToken));
        }

        return views;
    }
}
