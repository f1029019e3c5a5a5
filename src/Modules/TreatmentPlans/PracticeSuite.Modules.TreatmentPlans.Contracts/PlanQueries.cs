using System.Text.Json.Serialization;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.TreatmentPlans.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<PlanStatus>))]
public enum PlanStatus
{
    Draft,
    Active,
    Completed,
    Discontinued,
}

/// <summary>A request about one treatment plan: the module lets through only clinicians who may see the plan's client.</summary>
public interface IPlanRequest
{
    Guid PlanId { get; }
}

/// <summary>
/// When the plan's next session is due, for rebooking nudges: the course's phases counted from its completed
/// appointments. Not found (a 404) for a plan the caller may not see; reception and clients never see plans.
/// </summary>
public sealed record GetPlanNextSession(Guid PlanId) : IQuery<PlanNextSession>, IPlanRequest;

/// <param name="SessionsUsed">Completed appointments booked for the plan.</param>
/// <param name="SessionsBooked">Appointments of the plan still to come (booked or checked in).</param>
/// <param name="DueOn">The clinic-local date the next session is due: the last completed session plus the current
/// phase's interval (the activation date before the first); null when the plan is not active or its sessions are used up.</param>
/// <param name="IntervalWeeks">The current phase's interval; null when no session is due.</param>
public sealed record PlanNextSession(
    Guid PlanId,
    Guid ClientId,
    Guid TherapistId,
    PlanStatus Status,
    int PlannedSessions,
    int SessionsUsed,
    int SessionsBooked,
    DateOnly? DueOn,
    int? IntervalWeeks);
