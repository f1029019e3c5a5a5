using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.TreatmentPlans.Contracts;

// Ids and facts only: no conditions, goals or reasons (health information stays in the module). Times are UTC instants.

/// <param name="ReassessOn">The clinic-local date set for re-assessment, if any.</param>
[IntegrationEvent("treatmentplans.plan-activated.v1")]
public sealed record PlanActivated(Guid PlanId, Guid ClientId, Guid TherapistId, int PlannedSessions, DateOnly? ReassessOn, DateTime ActivatedAt) : IIntegrationEvent;

/// <param name="SessionsUsed">Completed appointments of the plan when it was completed.</param>
[IntegrationEvent("treatmentplans.plan-completed.v1")]
public sealed record PlanCompleted(Guid PlanId, Guid ClientId, Guid TherapistId, int SessionsUsed, DateTime CompletedAt) : IIntegrationEvent;

/// <param name="WasActive">False when a draft was discontinued before it started.</param>
[IntegrationEvent("treatmentplans.plan-discontinued.v1")]
public sealed record PlanDiscontinued(Guid PlanId, Guid ClientId, Guid TherapistId, bool WasActive, DateTime DiscontinuedAt) : IIntegrationEvent;

/// <param name="AppointmentEndsAt">When the session ended (UTC): the soreness follow-up is timed from it.</param>
/// <param name="DeepOrTriggerPointWork">Trigger points were treated, or minutes of a deep technique recorded.</param>
/// <param name="Aftercare">The aftercare templates given: <c>Ice</c>, <c>Hydration</c>, <c>GentleStretch</c>, <c>SorenessExpected</c>.</param>
/// <param name="TimedMinutes">Minutes per timed technique (<c>IschaemicCompression</c>, <c>DeepStroking</c>, <c>CrossFibreFriction</c>, <c>Stretch</c>), for the superbill's units.</param>
[IntegrationEvent("treatmentplans.session-note-signed.v1")]
public sealed record SessionNoteSigned(
    Guid NoteId,
    Guid AppointmentId,
    Guid ClientId,
    Guid TherapistId,
    Guid? PlanId,
    DateTime AppointmentEndsAt,
    bool DeepOrTriggerPointWork,
    IReadOnlyList<string> Aftercare,
    IReadOnlyList<TimedTechnique> TimedMinutes,
    DateTime SignedAt) : IIntegrationEvent;

public sealed record TimedTechnique(string Technique, int Minutes);
