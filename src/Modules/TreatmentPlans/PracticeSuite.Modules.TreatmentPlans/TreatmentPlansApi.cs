using System.Text.Json.Serialization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Assessments;
using PracticeSuite.Modules.TreatmentPlans.Features.Notes;
using PracticeSuite.Modules.TreatmentPlans.Features.Plans;
using PracticeSuite.Modules.TreatmentPlans.Features.Reference;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.TreatmentPlans;

/// <summary>
/// The JSON API under <c>/api/treatmentplans</c>. The reference data is for all staff; assessments and plans for
/// clinicians, and of those a therapist reaches only the clients on their care team (a 404 otherwise).
/// </summary>
internal static class TreatmentPlansApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        // Reference data.
        api.MapGet("/pain-zones", (IMediator m, CancellationToken ct) => m.Send(new GetPainZones(), ct)).RequireAuthorization(Policies.Staff);
        api.MapGet("/referrals", (string? zones, IMediator m, CancellationToken ct) =>
                m.Send(new SuggestReferrals((zones ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), ct))
            .RequireAuthorization(Policies.Staff);
        api.MapGet("/muscles", async (IMediator m, CancellationToken ct) => (await m.Send(new GetMuscleLibrary(), ct)).Select(MuscleView.Of).ToList())
            .RequireAuthorization(Policies.Staff);
        api.MapPost("/muscles", async (AddClinicMuscle command, IMediator m, CancellationToken ct) =>
            {
                var code = await m.Send(command, ct);
                return TypedResults.Created($"/api/treatmentplans/muscles/{code}", new CreatedCode(code));
            })
            .RequireAuthorization(Policies.Manager);
        api.MapGet("/range-of-motion", () => RangeOfMotion.All.Select(j => new JointMovementView(j.Code, j.Joint, j.Movement, j.Sided, j.NormalDegrees, j.HardLimitDegrees, j.Source)).ToList())
            .RequireAuthorization(Policies.Staff);

        // Assessments.
        api.MapPost("/clients/{clientId:guid}/assessments", async (Guid clientId, StartBody body, IMediator m, CancellationToken ct) =>
            {
                var started = await m.Send(new StartAssessment(clientId, body.AssessedOn), ct);
                return TypedResults.Created($"/api/treatmentplans/assessments/{started.AssessmentId}", new Created(started.AssessmentId));
            })
            .RequireAuthorization(Policies.Clinician);
        api.MapGet("/assessments/{assessmentId:guid}", async (Guid assessmentId, IMediator m, CancellationToken ct) =>
                AssessmentView.Of((await m.Send(new GetAssessment(assessmentId), ct)).Assessment))
            .RequireAuthorization(Policies.Clinician);
        api.MapPut("/assessments/{assessmentId:guid}/posture", (Guid assessmentId, SetPostureNotes command, IMediator m, CancellationToken ct) =>
                Change(m, command with { AssessmentId = assessmentId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/assessments/{assessmentId:guid}/complaints", (Guid assessmentId, AddComplaint command, IMediator m, CancellationToken ct) =>
                Change(m, command with { AssessmentId = assessmentId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/assessments/{assessmentId:guid}/ranges", (Guid assessmentId, AddRangeOfMotion command, IMediator m, CancellationToken ct) =>
                Change(m, command with { AssessmentId = assessmentId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/assessments/{assessmentId:guid}/trigger-points", (Guid assessmentId, AddTriggerPoint command, IMediator m, CancellationToken ct) =>
                Change(m, command with { AssessmentId = assessmentId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapDelete("/assessments/{assessmentId:guid}/findings/{findingId:guid}", (Guid assessmentId, Guid findingId, IMediator m, CancellationToken ct) =>
                Change(m, new RemoveFinding { AssessmentId = assessmentId, FindingId = findingId }, ct))
            .RequireAuthorization(Policies.Clinician);

        // Plans.
        api.MapGet("/clients/{clientId:guid}/plans", async (Guid clientId, IMediator m, CancellationToken ct) => await m.Send(new GetClinicalRecord(clientId), ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/clients/{clientId:guid}/plans", async (Guid clientId, DraftPlan command, IMediator m, CancellationToken ct) =>
            {
                var drafted = await m.Send(command with { ClientId = clientId }, ct);
                return TypedResults.Created($"/api/treatmentplans/plans/{drafted.PlanId}", new Created(drafted.PlanId));
            })
            .RequireAuthorization(Policies.Clinician);
        api.MapGet("/plans/{planId:guid}", async (Guid planId, IMediator m, CancellationToken ct) => PlanView.Of(await m.Send(new GetPlan(planId), ct)))
            .RequireAuthorization(Policies.Clinician);
        api.MapPut("/plans/{planId:guid}", (Guid planId, RevisePlan command, IMediator m, CancellationToken ct) => Change(m, command with { PlanId = planId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/plans/{planId:guid}/goals", (Guid planId, AddGoal command, IMediator m, CancellationToken ct) => Change(m, command with { PlanId = planId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/plans/{planId:guid}/home-care", (Guid planId, AddHomeCare command, IMediator m, CancellationToken ct) => Change(m, command with { PlanId = planId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapDelete("/plans/{planId:guid}/items/{itemId:guid}", (Guid planId, Guid itemId, IMediator m, CancellationToken ct) =>
                Change(m, new RemovePlanItem { PlanId = planId, ItemId = itemId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/plans/{planId:guid}/activate", (Guid planId, IMediator m, CancellationToken ct) => Change(m, new ActivatePlan { PlanId = planId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/plans/{planId:guid}/complete", (Guid planId, IMediator m, CancellationToken ct) => Change(m, new CompletePlan { PlanId = planId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/plans/{planId:guid}/discontinue", (Guid planId, DiscontinuePlan command, IMediator m, CancellationToken ct) =>
                Change(m, command with { PlanId = planId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapGet("/plans/{planId:guid}/next-session", (Guid planId, IMediator m, CancellationToken ct) => m.Send(new GetPlanNextSession(planId), ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/plans/{planId:guid}/course", (Guid planId, BookPlanCourse command, IMediator m, CancellationToken ct) =>
                m.Send(command with { PlanId = planId }, ct))
            .RequireAuthorization(Policies.Clinician);
        MapNotes(api);
    }

    private static void MapNotes(IEndpointRouteBuilder api)
    {
        // Session notes: opened from an appointment by its therapist, changed until signed, then only added to.
        api.MapPost("/appointments/{appointmentId:guid}/note", async (Guid appointmentId, IMediator m, CancellationToken ct) =>
            {
                var note = await m.Send(new OpenSessionNote(appointmentId), ct);
                return TypedResults.Created($"/api/treatmentplans/notes/{note.NoteId}", new Created(note.NoteId));
            })
            .RequireAuthorization(Policies.Clinician);
        api.MapGet("/notes/{noteId:guid}", async (Guid noteId, IMediator m, CancellationToken ct) => NoteView.Of(await m.Send(new GetSessionNote(noteId), ct)))
            .RequireAuthorization(Policies.Clinician);
        api.MapPut("/notes/{noteId:guid}", (Guid noteId, WriteNote command, IMediator m, CancellationToken ct) => Change(m, command with { NoteId = noteId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/notes/{noteId:guid}/pain-scores", (Guid noteId, ScorePain command, IMediator m, CancellationToken ct) => Change(m, command with { NoteId = noteId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/notes/{noteId:guid}/treated-points", (Guid noteId, TreatPoint command, IMediator m, CancellationToken ct) => Change(m, command with { NoteId = noteId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPut("/notes/{noteId:guid}/minutes", (Guid noteId, SetTechniqueMinutes command, IMediator m, CancellationToken ct) => Change(m, command with { NoteId = noteId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapDelete("/notes/{noteId:guid}/items/{itemId:guid}", (Guid noteId, Guid itemId, IMediator m, CancellationToken ct) =>
                Change(m, new RemoveNoteItem { NoteId = noteId, ItemId = itemId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/notes/{noteId:guid}/sign", (Guid noteId, IMediator m, CancellationToken ct) => Change(m, new SignNote { NoteId = noteId }, ct))
            .RequireAuthorization(Policies.Clinician);
        api.MapPost("/notes/{noteId:guid}/addenda", (Guid noteId, AddAddendum command, IMediator m, CancellationToken ct) => Change(m, command with { NoteId = noteId }, ct))
            .RequireAuthorization(Policies.Clinician);
    }

    private static async Task<IResult> Change<TRef>(IMediator mediator, IRequest<TRef> command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    internal sealed record Created(Guid Id);

    internal sealed record CreatedCode(string Code);

    internal sealed record StartBody(DateOnly? AssessedOn);

    internal sealed record JointMovementView(string Code, string Joint, string Movement, bool Sided, int NormalDegrees, int HardLimitDegrees, string Source);

    internal sealed record MuscleView(string Code, string Name, string Region, bool Sided, bool Shipped, string PrimaryZone, IReadOnlyList<string> ReferralZones, string Pattern, string Source)
    {
        public static MuscleView Of(Muscle m) => new(m.Code, m.Name, m.Region, m.Sided, m.Shipped, m.Pattern.PrimarySite, m.Pattern.Sites, m.Pattern.Description, m.Pattern.Source);
    }

    internal sealed record AssessmentView(
        Guid Id, Guid ClientId, Guid TherapistId, DateOnly AssessedOn, string? PostureNotes,
        IReadOnlyList<ComplaintView> Complaints, IReadOnlyList<RangeView> Ranges, IReadOnlyList<TriggerPointView> TriggerPoints)
    {
        public static AssessmentView Of(Assessment a) => new(a.Id, a.ClientId, a.TherapistId, a.AssessedOn, a.PostureNotes,
            a.Complaints.Select(c => new ComplaintView(c.Id, c.ZoneCodes, c.PainNow, c.PainWorst, c.Aggravating, c.Easing, c.Since)).ToList(),
            a.Ranges.Select(r => new RangeView(r.Id, r.MovementCode, r.Side, r.Degrees, r.Movement.NormalDegrees, r.PastNormal)).ToList(),
            a.TriggerPoints.Select(t => new TriggerPointView(t.Id, t.MuscleCode, t.Side, t.Active, t.ReproducesFamiliarPain, t.ReferralZoneCodes, t.Tenderness)).ToList());
    }

    internal sealed record ComplaintView(Guid Id, IReadOnlyList<string> Zones, int PainNow, int PainWorst, string? Aggravating, string? Easing, string? Since);

    internal sealed record RangeView(Guid Id, string Movement, [property: JsonConverter(typeof(JsonStringEnumConverter<BodySide>))] BodySide? Side, int Degrees, int NormalDegrees, bool PastNormal);

    internal sealed record TriggerPointView(
        Guid Id, string Muscle, [property: JsonConverter(typeof(JsonStringEnumConverter<BodySide>))] BodySide? Side, bool Active, bool ReproducesFamiliarPain, IReadOnlyList<string> ReferralZones, int Tenderness);

    internal sealed record PlanView(
        Guid Id, Guid ClientId, Guid TherapistId, Guid? AssessmentId, PlanStatus Status, string Conditions, IReadOnlyList<string> Techniques, string Frequency,
        int PlannedSessions, int SessionsUsed, int SessionsBooked, DateOnly? NextDueOn, DateOnly? ReassessOn, string? DiscontinuedReason,
        IReadOnlyList<GoalView> Goals, IReadOnlyList<HomeCareView> HomeCare, IReadOnlyList<BlockerView>? Blockers)
    {
        public static PlanView Of(PlanDetails d) => new(d.Plan.Id, d.Plan.ClientId, d.Plan.TherapistId, d.Plan.AssessmentId, d.Plan.Status, d.Plan.Conditions,
            d.Plan.Techniques.Select(t => t.ToString()).ToList(), d.Plan.FrequencyText, d.Plan.PlannedSessions, d.Course.Used, d.Course.Booked, d.Course.Position.DueOn,
            d.Plan.ReassessOn, d.Plan.DiscontinuedReason,
            d.Plan.Goals.Select(g => new GoalView(g.Id, g.Measure.ToString(), g.Description, g.MovementCode, g.Side?.ToString(), g.Baseline, g.Target, g.Unit, g.TargetDate)).ToList(),
            d.Plan.HomeCare.Select(h => new HomeCareView(h.Id, h.Exercise, h.Dose, h.Instructions)).ToList(),
            d.Gate?.Blockers.Select(b => new BlockerView(b.Code, b.Message, b.FlagId)).ToList());
    }

    internal sealed record GoalView(Guid Id, string Measure, string Description, string? Movement, string? Side, int Baseline, int Target, string? Unit, DateOnly TargetDate);

    internal sealed record HomeCareView(Guid Id, string Exercise, string Dose, string Instructions);

    internal sealed record NoteView(
        Guid Id, Guid AppointmentId, Guid ClientId, Guid TherapistId, Guid? PlanId, DateTime AppointmentEndsAt, bool Signed, DateTime? SignedAt,
        string? Changes, bool NewHealthChanges, string? Findings, string? Assessment, string? Plan, IReadOnlyList<string> Aftercare,
        IReadOnlyList<PainScoreView> PainScores, IReadOnlyList<TreatedPointView> TreatedPoints, IReadOnlyList<TimedTechnique> Minutes, IReadOnlyList<AddendumView> Addenda)
    {
        public static NoteView Of(SessionNoteDetails d) => new(d.Note.Id, d.Note.AppointmentId, d.Note.ClientId, d.Note.TherapistId, d.Note.PlanId,
            d.Note.AppointmentEndsAt, d.Note.Signed, d.Note.SignedAt, d.Note.Changes, d.Note.NewHealthChanges, d.Note.Findings, d.Note.AssessmentText, d.Note.PlanText,
            d.Note.AftercareGiven.Select(a => a.ToString()).ToList(),
            d.Note.PainScores.Select(p => new PainScoreView(p.Id, p.Label, p.Score)).ToList(),
            d.Note.TreatedPoints.Select(p => new TreatedPointView(p.Id, p.MuscleCode, p.Side?.ToString(), p.Zone, p.Technique.ToString(), p.HoldSeconds, p.Repetitions,
                p.Pressure, p.Outcome.ToString(), p.AvoidOverrideReason, p.Highlighted(d.Limits))).ToList(),
            d.Note.Minutes.OrderBy(m => m.Technique).Select(m => new TimedTechnique(m.Technique.ToString(), m.Minutes)).ToList(),
            d.Note.Addenda.OrderBy(a => a.At).Select(a => new AddendumView(a.Id, a.Text, a.At)).ToList());
    }

    internal sealed record PainScoreView(Guid Id, string Label, int Score);

    internal sealed record TreatedPointView(
        Guid Id, string Muscle, string? Side, string Zone, string Technique, int? HoldSeconds, int Repetitions, int Pressure, string Outcome, string? AvoidOverrideReason,
        bool Highlighted);

    internal sealed record AddendumView(Guid Id, string Text, DateTime At);

    internal sealed record BlockerView(string Code, string Message, Guid? FlagId);
}
