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
