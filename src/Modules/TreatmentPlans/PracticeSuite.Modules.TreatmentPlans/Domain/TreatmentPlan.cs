using System.Text.Json.Serialization;
using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.TreatmentPlans.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<GoalMeasure>))]
internal enum GoalMeasure
{
    /// <summary>Pain on the 0–10 scale; the target is lower than the baseline.</summary>
    Pain,

    /// <summary>A joint movement in degrees; the target is larger, and within the movement's hard limit.</summary>
    RangeOfMotion,

    /// <summary>Something the client can do, counted in the therapist's unit ("nights a week sleeping through").</summary>
    Function,
}

[JsonConverter(typeof(JsonStringEnumConverter<Technique>))]
internal enum Technique
{
    IschaemicCompression,
    DeepTissue,
    CrossFibreFriction,
    StretchingAndMobilisation,
}

internal static class Techniques
{
    public static string Describe(Technique technique) => technique switch
    {
        Technique.IschaemicCompression => "Ischaemic compression",
        Technique.DeepTissue => "Deep-tissue pressure",
        Technique.CrossFibreFriction => "Cross-fibre friction",
        Technique.StretchingAndMobilisation => "Stretching and mobilisation",
        _ => technique.ToString(),
    };
}

/// <summary>The plan's editable content, as the therapist fills it in.</summary>
internal sealed record PlanContent(
    string Conditions,
    IReadOnlyList<Technique> Techniques,
    IReadOnlyList<PlanPhaseInput> Phases,
    DateOnly? ReassessOn);

internal sealed record PlanPhaseInput(int IntervalWeeks, int Sessions);

internal sealed record GoalInput(GoalMeasure Measure, string? Description, string? MovementCode, BodySide? Side, int Baseline, int Target, string? Unit, DateOnly? TargetDate);

internal sealed record HomeCareInput(string? Exercise, string? Dose, string? Instructions);

/// <summary>
/// A course of care with measurable goals: drafted after an assessment, active once the client may start a plan (the
/// Clients module's clearance gate), then completed (goals met) or discontinued (with a reason). Its content can be
/// adjusted while draft or active; a closed plan is a record and does not change.
/// </summary>
internal sealed class TreatmentPlan
{
    public const int MaxPhases = 6;
    public const int MaxSessionsPerPhase = 52;
    public const int MaxIntervalWeeks = 12;
    public const int TextLength = 1000;
    public const int NameLength = 200;

    private readonly List<PlanPhase> _phases = [];
    private readonly List<PlanGoal> _goals = [];
    private readonly List<HomeCareExercise> _homeCare = [];

    private TreatmentPlan()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid TherapistId { get; private set; }

    public Guid? AssessmentId { get; private set; }

    public PlanStatus Status { get; private set; }

    public string Conditions { get; private set; } = "";

    /// <summary>The techniques' names, separated by spaces.</summary>
    public string TechniqueList { get; private set; } = "";

    public DateOnly? ReassessOn { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? ActivatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? DiscontinuedReason { get; private set; }

    public IReadOnlyList<PlanPhase> Phases => _phases;

    public IReadOnlyList<PlanGoal> Goals => _goals;

    public IReadOnlyList<HomeCareExercise> HomeCare => _homeCare;

    public IReadOnlyList<Technique> Techniques =>
        TechniqueList.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Technique>).ToList();

    public int PlannedSessions => _phases.Sum(p => p.Sessions);

    public bool IsOpen => Status is PlanStatus.Draft or PlanStatus.Active;

    public static TreatmentPlan Draft(Guid id, Guid clientId, Guid therapistId, Guid? assessmentId, PlanContent content, DateOnly today, DateTime now)
    {
        var plan = new TreatmentPlan { Id = id, ClientId = clientId, TherapistId = therapistId, AssessmentId = assessmentId, Status = PlanStatus.Draft, CreatedAt = now };
        plan.Revise(content, today, now);
        return plan;
    }

    /// <summary>Replaces the conditions, techniques, phases and re-assessment date.</summary>
    public void Revise(PlanContent content, DateOnly today, DateTime now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(content.Conditions))
        {
            throw RequestValidationException.For("Conditions", "Say what the plan treats.");
        }

        if (content.Phases.Count is 0 or > MaxPhases)
        {
            throw RequestValidationException.For("Phases", $"Give from 1 to {MaxPhases} phases of sessions.");
        }

        foreach (var phase in content.Phases)
        {
            if (phase.IntervalWeeks is < 1 or > MaxIntervalWeeks)
            {
                throw RequestValidationException.For("Phases", $"Sessions are every 1 to {MaxIntervalWeeks} weeks.");
            }

            if (phase.Sessions is < 1 or > MaxSessionsPerPhase)
            {
                throw RequestValidationException.For("Phases", $"A phase has from 1 to {MaxSessionsPerPhase} sessions.");
            }
        }

        if (content.ReassessOn is { } reassess && reassess < today)
        {
            throw RequestValidationException.For("ReassessOn", "The re-assessment date cannot be in the past.");
        }

        Conditions = content.Conditions.Trim();
        TechniqueList = string.Join(' ', content.Techniques.Distinct());
        ReassessOn = content.ReassessOn;
        _phases.Clear();
        _phases.AddRange(content.Phases.Select((p, i) => new PlanPhase(Guid.CreateVersion7(), Id, i, p.IntervalWeeks, p.Sessions)));
        UpdatedAt = now;
    }

    /// <summary>A measurable goal: a baseline, a target that is an improvement on it, and a date.</summary>
    public PlanGoal AddGoal(GoalInput goal, DateOnly today, DateTime now)
    {
        EnsureOpen();
        if (goal.TargetDate is not { } targetDate)
        {
            throw RequestValidationException.For("TargetDate", "Give the date the goal should be met by.");
        }

        if (targetDate < today)
        {
            throw RequestValidationException.For("TargetDate", "A goal's date cannot be in the past.");
        }

        string description;
        string? movementCode = null;
        BodySide? side = null;
        string? unit = null;
        switch (goal.Measure)
        {
            case GoalMeasure.Pain:
                PainScale.Check(goal.Baseline, "Baseline", "Pain at the start");
                PainScale.Check(goal.Target, "Target", "The pain target");
                if (goal.Target >= goal.Baseline)
                {
                    throw RequestValidationException.For("Target", "The pain target must be lower than the pain at the start.");
                }

                description = Required(goal.Description, "Say which pain (e.g. neck pain).");
                break;
            case GoalMeasure.RangeOfMotion:
                var movement = RangeOfMotion.Find(goal.MovementCode) ?? throw RequestValidationException.For("MovementCode", "Choose the movement from the list.");
                if (movement.Sided && goal.Side is null)
                {
                    throw RequestValidationException.For("Side", "Say which side.");
                }

                if (goal.Baseline < 0 || goal.Target > movement.HardLimitDegrees)
                {
                    throw RequestValidationException.For("Target", $"{movement.Name} is measured from 0° to {movement.HardLimitDegrees}°.");
                }

                if (goal.Target <= goal.Baseline)
                {
                    throw RequestValidationException.For("Target", "The target range must be larger than the range at the start.");
                }

                movementCode = movement.Code;
                side = movement.Sided ? goal.Side : null;
                description = string.IsNullOrWhiteSpace(goal.Description) ? movement.Name : goal.Description.Trim();
                break;
            default:
                description = Required(goal.Description, "Say what the client should be able to do.");
                unit = Required(goal.Unit, "Say what is counted (e.g. nights a week sleeping through).", "Unit");
                if (goal.Target == goal.Baseline)
                {
                    throw RequestValidationException.For("Target", "The target must differ from the start.");
                }

                break;
        }

        var added = new PlanGoal(Guid.CreateVersion7(), Id, goal.Measure, description, movementCode, side, goal.Baseline, goal.Target, unit, targetDate);
        _goals.Add(added);
        UpdatedAt = now;
        return added;
    }

    public HomeCareExercise AddHomeCare(HomeCareInput input, DateTime now)
    {
        EnsureOpen();
        var exercise = new HomeCareExercise(Guid.CreateVersion7(), Id,
            Required(input.Exercise, "Name the exercise or habit.", "Exercise"),
            Required(input.Dose, "Say how much and how often (e.g. 3 × 30 s, twice a day).", "Dose"),
            Required(input.Instructions, "Explain it in plain words for the client.", "Instructions"));
        _homeCare.Add(exercise);
        UpdatedAt = now;
        return exercise;
    }

    public bool RemoveItem(Guid itemId, DateTime now)
    {
        EnsureOpen();
        var removed = _goals.RemoveAll(g => g.Id == itemId) + _homeCare.RemoveAll(h => h.Id == itemId);
        if (removed > 0)
        {
            UpdatedAt = now;
        }

        return removed > 0;
    }

    /// <summary>
    /// Starts the plan. The gate: the Clients module must say the client may start a plan (no uncleared physician-clearance
    /// flag, intake and consent in place); the plan needs at least one goal.
    /// </summary>
    public void Activate(PlanGate gate, DateTime now)
    {
        if (Status != PlanStatus.Draft)
        {
            throw new BusinessRuleException("plan.not-draft", "Only a draft plan can be started.");
        }

        if (_goals.Count == 0)
        {
            throw new BusinessRuleException("plan.no-goals", "Add at least one measurable goal before starting the plan.");
        }

        if (!gate.MayStart)
        {
            throw new BusinessRuleException("plan.client-not-cleared",
                "The plan cannot start yet: " + string.Join(" ", gate.Blockers.Select(b => b.Message)));
        }

        Status = PlanStatus.Active;
        ActivatedAt = now;
        UpdatedAt = now;
    }

    public void Complete(DateTime now)
    {
        if (Status != PlanStatus.Active)
        {
            throw new BusinessRuleException("plan.not-active", "Only an active plan can be completed.");
        }

        Status = PlanStatus.Completed;
        ClosedAt = now;
        UpdatedAt = now;
    }

    public void Discontinue(string? reason, DateTime now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RequestValidationException.For("Reason", "Say why the plan is discontinued.");
        }

        Status = PlanStatus.Discontinued;
        DiscontinuedReason = reason.Trim();
        ClosedAt = now;
        UpdatedAt = now;
    }

    /// <summary>"Weekly for 6 sessions, then every 2 weeks for 4 sessions".</summary>
    public string FrequencyText => PlanPhase.Describe(_phases.OrderBy(p => p.Position).ToList());

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new BusinessRuleException("plan.closed", $"This plan is {Status.ToString().ToLowerInvariant()} and can no longer change.");
        }
    }

    private static string Required(string? text, string message, string field = "Description") =>
        string.IsNullOrWhiteSpace(text) ? throw RequestValidationException.For(field, message) : text.Trim();
}

/// <summary>What the Clients module says about starting a plan, as the plan needs it.</summary>
internal sealed record PlanGate(bool MayStart, IReadOnlyList<PlanBlocker> Blockers);

/// <param name="FlagId">The screening flag to clear, when a flag is the reason.</param>
internal sealed record PlanBlocker(string Code, string Message, Guid? FlagId);

internal sealed record PlanPhase(Guid Id, Guid PlanId, int Position, int IntervalWeeks, int Sessions)
{
    public static string Describe(IReadOnlyList<PlanPhase> phases) =>
        string.Join(", then ", phases.Select((p, i) => $"{Every(p.IntervalWeeks, capital: i == 0)} for {p.Sessions} session{(p.Sessions == 1 ? "" : "s")}"));

    private static string Every(int weeks, bool capital) => weeks switch
    {
        1 => capital ? "Weekly" : "weekly",
        2 => capital ? "Fortnightly" : "fortnightly",
        _ => (capital ? "Every " : "every ") + weeks + " weeks",
    };
}

internal sealed record PlanGoal(
    Guid Id, Guid PlanId, GoalMeasure Measure, string Description, string? MovementCode, BodySide? Side, int Baseline, int Target, string? Unit, DateOnly TargetDate);

internal sealed record HomeCareExercise(Guid Id, Guid PlanId, string Exercise, string Dose, string Instructions);
