using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.TreatmentPlans.Features.Seeding;

/// <summary>
/// The standard people's clinical records: client A's assessment by therapist A (neck pain and headaches, an upper
/// trapezius trigger point) and a draft plan from it. Seeded once; the ids are what the authorization matrix visits.
/// </summary>
internal sealed class TreatmentPlansPersonaRecords(TreatmentPlansDbContext db, ClinicCalendar calendar, IMediator mediator) : IPersonaRecords, IDemoRecords
{
    public const string AssessmentIdRouteValue = "assessmentId";
    public const string PlanIdRouteValue = "planId";
    public const string NoteIdRouteValue = "noteId";

    public async Task<IReadOnlyDictionary<string, string>> SeedAsync(Personas personas, CancellationToken cancellationToken)
    {
        var (assessment, plan) = await EnsureAsync(personas, cancellationToken);
        var values = new Dictionary<string, string> { [AssessmentIdRouteValue] = assessment.ToString(), [PlanIdRouteValue] = plan.ToString() };
        if (await EnsureNoteAsync(personas, cancellationToken) is { } note)
        {
            values[NoteIdRouteValue] = note.ToString();
        }

        return values;
    }

    /// <summary>
    /// The standard people only (not the demo clinic): a note on client A's appointment with therapist A, which the
    /// Scheduling module's persona records book, so the note's pages have a record to be checked against.
    /// </summary>
    private async Task<Guid?> EnsureNoteAsync(Personas personas, CancellationToken cancellationToken)
    {
        var clientId = personas.ClientA.ClientId!.Value;
        var therapistId = personas.TherapistA.TherapistId!.Value;
        var appointments = await mediator.Send(new GetClientAppointments(clientId), cancellationToken);
        if (appointments.Upcoming.Concat(appointments.Past).FirstOrDefault(a => a.TherapistId == therapistId) is not { } appointment)
        {
            return null;
        }

        var existing = await db.Notes.AsNoTracking().Where(n => n.AppointmentId == appointment.Id).Select(n => (Guid?)n.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var note = SessionNote.Open(Guid.CreateVersion7(), appointment.Id, clientId, therapistId, appointment.PlanId, appointment.StartsAt, appointment.EndsAt, calendar.UtcNow);
        note.Write("Headaches less often since the last visit.", false, "Taut band in the left upper trapezius.", null, null, [Aftercare.Hydration], calendar.UtcNow);
        db.Notes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return note.Id;
    }

    async Task<int> IDemoRecords.SeedAsync(Personas personas, CancellationToken cancellationToken)
    {
        var before = await db.Plans.CountAsync(cancellationToken);
        await EnsureAsync(personas, cancellationToken);
        return await db.Plans.CountAsync(cancellationToken) - before;
    }

    private async Task<(Guid Assessment, Guid Plan)> EnsureAsync(Personas personas, CancellationToken cancellationToken)
    {
        var clientId = personas.ClientA.ClientId!.Value;
        var therapistId = personas.TherapistA.TherapistId!.Value;
        var existing = await db.Plans.AsNoTracking().Where(p => p.ClientId == clientId && p.AssessmentId != null).OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.AssessmentId }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return (existing.AssessmentId!.Value, existing.Id);
        }

        var now = calendar.UtcNow;
        var today = calendar.Today;
        var assessment = Assessment.Start(Guid.CreateVersion7(), clientId, therapistId, today, today, now);
        assessment.AddComplaint(["side-of-neck", "temple"], 6, 8, "Long days at the desk", "Heat, a walk", "About three months", now);
        assessment.AddRange("neck-rotation", BodySide.Left, 45, now);
        assessment.AddTriggerPoint(MuscleLibrary.Shipped.Single(m => m.Code == "upper-trapezius"), BodySide.Left, active: true, reproducesFamiliarPain: true,
            ["temple"], 7, now);
        assessment.SetPostureNotes("Head forward of the shoulders; left shoulder raised.", now);
        db.Assessments.Add(assessment);

        var plan = TreatmentPlan.Draft(Guid.CreateVersion7(), clientId, therapistId, assessment.Id,
            new PlanContent("Tension-type headache and neck pain", [Technique.IschaemicCompression, Technique.StretchingAndMobilisation],
                [new PlanPhaseInput(1, 6), new PlanPhaseInput(2, 4)], today.AddDays(42)),
            today, now);
        plan.AddGoal(new GoalInput(GoalMeasure.Pain, "Neck pain", null, null, 6, 3, null, today.AddDays(42)), today, now);
        plan.AddGoal(new GoalInput(GoalMeasure.RangeOfMotion, null, "neck-rotation", BodySide.Left, 45, 60, null, today.AddDays(42)), today, now);
        plan.AddHomeCare(new HomeCareInput("Upper trapezius stretch", "3 × 30 s, twice a day", "Sit tall, drop the shoulder and tilt the ear away; hold, breathing slowly."), now);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return (assessment.Id, plan.Id);
    }
}
