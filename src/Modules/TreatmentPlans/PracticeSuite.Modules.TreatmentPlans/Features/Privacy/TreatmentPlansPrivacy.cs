using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Reference;
using PracticeSuite.Modules.TreatmentPlans.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.TreatmentPlans.Features.Privacy;

/// <summary>The client's assessments and treatment plans in their data export, in words as well as codes.</summary>
internal sealed class TreatmentPlansPersonalData(TreatmentPlansDbContext db, MuscleCatalogue muscles) : IPersonalDataSection
{
    public string SectionName => "Assessments and treatment plans";

    public async Task<object?> ExportAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Complaints).Include(a => a.Ranges).Include(a => a.TriggerPoints).AsSplitQuery()
            .Where(a => a.ClientId == clientId).OrderBy(a => a.AssessedOn).ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Goals).Include(p => p.HomeCare).AsSplitQuery()
            .Where(p => p.ClientId == clientId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        if (assessments.Count == 0 && plans.Count == 0)
        {
            return null;
        }

        var library = (await muscles.AllAsync(cancellationToken)).ToDictionary(m => m.Code, m => m.Name);
        return new
        {
            Assessments = assessments.Select(a => new
            {
                a.Id,
                a.AssessedOn,
                a.PostureNotes,
                Complaints = a.Complaints.Select(c => new
                {
                    Zones = c.ZoneCodes.Select(z => PainZones.Find(z)?.Name ?? z).ToList(),
                    c.PainNow,
                    c.PainWorst,
                    c.Aggravating,
                    c.Easing,
                    c.Since,
                }).ToList(),
                RangesOfMotion = a.Ranges.Select(r => new { Movement = r.Movement.Name, Side = r.Side?.ToString(), r.Degrees, Normal = r.Movement.NormalDegrees }).ToList(),
                TriggerPoints = a.TriggerPoints.Select(t => new
                {
                    Muscle = library.GetValueOrDefault(t.MuscleCode, t.MuscleCode),
                    Side = t.Side?.ToString(),
                    Kind = t.Active ? "active" : "latent",
                    t.ReproducesFamiliarPain,
                    ReferralFelt = t.ReferralZoneCodes.Select(z => PainZones.Find(z)?.Name ?? z).ToList(),
                    t.Tenderness,
                }).ToList(),
            }).ToList(),
            Plans = plans.Select(p => new
            {
                p.Id,
                Status = p.Status.ToString(),
                p.Conditions,
                Techniques = p.Techniques.Select(Techniques.Describe).ToList(),
                Frequency = p.FrequencyText,
                p.PlannedSessions,
                p.ReassessOn,
                p.CreatedAt,
                p.ActivatedAt,
                p.ClosedAt,
                p.DiscontinuedReason,
                Goals = p.Goals.Select(g => new { Measure = g.Measure.ToString(), g.Description, g.Baseline, g.Target, g.Unit, g.TargetDate }).ToList(),
                HomeCare = p.HomeCare.Select(h => new { h.Exercise, h.Dose, h.Instructions }).ToList(),
            }).ToList(),
        };
    }
}

/// <summary>
/// Erasure: assessments and plans are clinical records the clinic must keep for its retention period, so they stay,
/// under the client's id only (the name lives in the Clients module and is replaced there). An open plan is closed so
/// that nothing (a rebooking nudge, a booked course) keeps acting for a person who is gone.
/// </summary>
internal sealed class CloseErasedClientsPlans(TreatmentPlansDbContext db, ClinicCalendar calendar) : IIntegrationEventHandler<ClientErased>
{
    public const string Reason = "The client's personal data was erased at their request.";

    public async Task HandleAsync(ClientErased integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var open = await db.Plans.Include(p => p.Phases).Include(p => p.Goals).Include(p => p.HomeCare).AsSplitQuery()
            .Where(p => p.ClientId == integrationEvent.ClientId && (p.Status == PlanStatus.Draft || p.Status == PlanStatus.Active))
            .ToListAsync(cancellationToken);
        foreach (var plan in open)
        {
            var wasActive = plan.Status == PlanStatus.Active;
            plan.Discontinue(Reason, calendar.UtcNow);
            db.EnqueueIntegrationEvent(new PlanDiscontinued(plan.Id, plan.ClientId, plan.TherapistId, wasActive, calendar.UtcNow));
        }
    }
}
