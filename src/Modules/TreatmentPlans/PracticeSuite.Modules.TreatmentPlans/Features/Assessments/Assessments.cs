using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.TreatmentPlans.Application;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Reference;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.TreatmentPlans.Features.Assessments;

internal static class AssessmentAudit
{
    public const string RecordType = "Assessment";

    public static readonly AuditAction Started = new("treatmentplans.assessment.started", AuditKind.Change, "Started an assessment");
    public static readonly AuditAction Changed = new("treatmentplans.assessment.changed", AuditKind.Change, "Changed an assessment's findings");
    public static readonly AuditAction Read = new("treatmentplans.assessment.read", AuditKind.Read, "Viewed an assessment");

    public static AuditSubject Subject(AuditAction action, AssessmentRef assessment) =>
        new(action, RecordType, assessment.AssessmentId.ToString(), assessment.ClientId);
}

/// <summary>The assessment a command changed, and whose it is (for the audit trail).</summary>
internal sealed record AssessmentRef(Guid AssessmentId, Guid ClientId);

/// <summary>Starts an assessment of the client, under the caller's name (a therapist) or the client's first care-team therapist (a manager).</summary>
internal sealed record StartAssessment(Guid ClientId, DateOnly? AssessedOn) : ICommand<AssessmentRef>, IClientRecordRequest, IClinicalRequest, IAuditedRequest<AssessmentRef>
{
    public AuditSubject DescribeAudit(AssessmentRef started) => AssessmentAudit.Subject(AssessmentAudit.Started, started);
}

internal sealed class StartAssessmentHandler(TreatmentPlansDbContext db, RecordingTherapist recorder, ClinicCalendar calendar)
    : IRequestHandler<StartAssessment, AssessmentRef>
{
    public async Task<AssessmentRef> Handle(StartAssessment request, CancellationToken cancellationToken)
    {
        var therapistId = await recorder.ForClientAsync(request.ClientId, cancellationToken);
        var assessment = Assessment.Start(Guid.CreateVersion7(), request.ClientId, therapistId, request.AssessedOn ?? calendar.Today, calendar.Today, calendar.UtcNow);
        db.Assessments.Add(assessment);
        return new AssessmentRef(assessment.Id, assessment.ClientId);
    }
}

/// <summary>One change to an assessment's findings; each is audited as a change of the assessment.</summary>
internal abstract record AssessmentChange : ICommand<AssessmentRef>, IAssessmentRequest, IAuditedRequest<AssessmentRef>
{
    public Guid AssessmentId { get; init; }

    public AuditSubject DescribeAudit(AssessmentRef changed) => AssessmentAudit.Subject(AssessmentAudit.Changed, changed);
}

internal sealed record SetPostureNotes : AssessmentChange
{
    public string? Notes { get; init; }
}

internal sealed record AddComplaint : AssessmentChange
{
    public IReadOnlyList<string> Zones { get; init; } = [];
    public int? PainNow { get; init; }
    public int? PainWorst { get; init; }
    public string? Aggravating { get; init; }
    public string? Easing { get; init; }
    public string? Since { get; init; }
}

internal sealed record AddRangeOfMotion : AssessmentChange
{
    public string? Movement { get; init; }
    public BodySide? Side { get; init; }
    public int? Degrees { get; init; }
}

internal sealed record AddTriggerPoint : AssessmentChange
{
    public string? Muscle { get; init; }
    public BodySide? Side { get; init; }
    public bool Active { get; init; }
    public bool ReproducesFamiliarPain { get; init; }
    public IReadOnlyList<string> ReferralZones { get; init; } = [];
    public int? Tenderness { get; init; }
}

internal sealed record RemoveFinding : AssessmentChange
{
    public Guid FindingId { get; init; }
}

internal sealed class AssessmentChangeHandlers(TreatmentPlansDbContext db, MuscleCatalogue muscles, ClinicCalendar calendar) :
    IRequestHandler<SetPostureNotes, AssessmentRef>,
    IRequestHandler<AddComplaint, AssessmentRef>,
    IRequestHandler<AddRangeOfMotion, AssessmentRef>,
    IRequestHandler<AddTriggerPoint, AssessmentRef>,
    IRequestHandler<RemoveFinding, AssessmentRef>
{
    public Task<AssessmentRef> Handle(SetPostureNotes request, CancellationToken cancellationToken) =>
        ChangeAsync(request, a =>
        {
            if (request.Notes?.Length > Assessment.TextLength)
            {
                throw RequestValidationException.For("Notes", $"Posture notes are at most {Assessment.TextLength} characters.");
            }

            a.SetPostureNotes(request.Notes, calendar.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<AssessmentRef> Handle(AddComplaint request, CancellationToken cancellationToken) =>
        ChangeAsync(request, a =>
        {
            a.AddComplaint(request.Zones ?? [], Required(request.PainNow, "PainNow", "Give the pain now, 0 to 10."),
                Required(request.PainWorst, "PainWorst", "Give the pain at its worst, 0 to 10."),
                Limited(request.Aggravating, "Aggravating"), Limited(request.Easing, "Easing"), Limited(request.Since, "Since", 200), calendar.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<AssessmentRef> Handle(AddRangeOfMotion request, CancellationToken cancellationToken) =>
        ChangeAsync(request, a =>
        {
            a.AddRange(request.Movement ?? "", request.Side, Required(request.Degrees, "Degrees", "Give the range in degrees."), calendar.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<AssessmentRef> Handle(AddTriggerPoint request, CancellationToken cancellationToken) =>
        ChangeAsync(request, async a =>
        {
            var muscle = await muscles.FindAsync(request.Muscle, cancellationToken);
            if (muscle is null && !string.IsNullOrEmpty(request.Muscle))
            {
                throw RequestValidationException.For("Muscle", $"There is no muscle '{request.Muscle}' in the library.");
            }

            a.AddTriggerPoint(muscle, request.Side, request.Active, request.ReproducesFamiliarPain, request.ReferralZones ?? [],
                Required(request.Tenderness, "Tenderness", "Give the tenderness, 0 to 10."), calendar.UtcNow);
        }, cancellationToken);

    public Task<AssessmentRef> Handle(RemoveFinding request, CancellationToken cancellationToken) =>
        ChangeAsync(request, a =>
        {
            // Removing is idempotent: a finding already gone (a second click, a second tab) leaves nothing to do.
            a.RemoveFinding(request.FindingId, calendar.UtcNow);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<AssessmentRef> ChangeAsync(AssessmentChange request, Func<Assessment, Task> change, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.Include(a => a.Complaints).Include(a => a.Ranges).Include(a => a.TriggerPoints).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == request.AssessmentId, cancellationToken) ?? throw new NotFoundException("Assessment", request.AssessmentId);
        await change(assessment);
        return new AssessmentRef(assessment.Id, assessment.ClientId);
    }

    private static int Required(int? value, string field, string message) => value ?? throw RequestValidationException.For(field, message);

    private static string? Limited(string? text, string field, int max = Assessment.TextLength) =>
        text?.Length > max ? throw RequestValidationException.For(field, $"At most {max} characters.") : text;
}

/// <summary>An assessment with its findings in words, for its page and the plan drafted from it.</summary>
internal sealed record GetAssessment(Guid AssessmentId) : IQuery<AssessmentDetails>, IAssessmentRequest, IAuditedRequest<AssessmentDetails>
{
    public AuditSubject DescribeAudit(AssessmentDetails details) =>
        AssessmentAudit.Subject(AssessmentAudit.Read, new AssessmentRef(details.Assessment.Id, details.Assessment.ClientId));
}

internal sealed record AssessmentDetails(Assessment Assessment, IReadOnlyDictionary<string, Muscle> Muscles);

internal sealed class GetAssessmentHandler(TreatmentPlansDbContext db, MuscleCatalogue muscles) : IRequestHandler<GetAssessment, AssessmentDetails>
{
    public async Task<AssessmentDetails> Handle(GetAssessment request, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Complaints).Include(a => a.Ranges).Include(a => a.TriggerPoints).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == request.AssessmentId, cancellationToken) ?? throw new NotFoundException("Assessment", request.AssessmentId);
        var library = await muscles.AllAsync(cancellationToken);
        return new AssessmentDetails(assessment, library.ToDictionary(m => m.Code, StringComparer.Ordinal));
    }
}
