using System.Text.Json.Serialization;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.TreatmentPlans.Domain;

/// <summary>What was done to a trigger point in a session (the domain guide's techniques).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PointTechnique>))]
internal enum PointTechnique
{
    IschaemicCompression,
    DeepStroking,
    CrossFibreFriction,
    Stretch,
}

[JsonConverter(typeof(JsonStringEnumConverter<PointOutcome>))]
internal enum PointOutcome
{
    Softened,
    ReferralEased,
    NoChange,
}

/// <summary>The aftercare templates a note records as given (and the client's message repeats).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Aftercare>))]
internal enum Aftercare
{
    Ice,
    Hydration,
    GentleStretch,
    SorenessExpected,
}

internal static class SessionNoteText
{
    public static string Describe(PointTechnique technique) => technique switch
    {
        PointTechnique.IschaemicCompression => "Ischaemic compression",
        PointTechnique.DeepStroking => "Deep stroking",
        PointTechnique.CrossFibreFriction => "Cross-fibre friction",
        _ => "Stretch",
    };

    public static string Describe(PointOutcome outcome) => outcome switch
    {
        PointOutcome.Softened => "softened",
        PointOutcome.ReferralEased => "referral eased",
        _ => "no change",
    };

    public static string Describe(Aftercare aftercare) => aftercare switch
    {
        Aftercare.Ice => "Ice the treated areas for 10–15 minutes if sore.",
        Aftercare.Hydration => "Drink plenty of water today.",
        Aftercare.GentleStretch => "Gentle stretching of the treated muscles, never into pain.",
        _ => "Some soreness for 24–48 hours is normal and expected.",
    };
}

/// <summary>The clinic's thresholds for highlighting a treated point (<c>Modules:TreatmentPlans</c>).</summary>
/// <param name="HoldCapSeconds">A hold longer than this is highlighted (default 120 s).</param>
internal sealed record TreatmentLimits(int HoldCapSeconds)
{
    /// <summary>Longer than this a hold is not a reading but a typing error (ten minutes).</summary>
    public const int AbsurdHoldSeconds = 600;

    /// <summary>The client-reported pressure from which a point is highlighted.</summary>
    public const int HighPressure = 7;

    public static readonly TreatmentLimits Default = new(120);
}

/// <summary>
/// A session's note in SOAP form, for one appointment of the therapist's. Editable until signed; signing locks it, and
/// anything learnt later is an addendum that leaves the signed text as it was.
/// </summary>
internal sealed class SessionNote
{
    public const int TextLength = 4000;
    public const int MaxTreatedPoints = 40;

    private readonly List<NotePainScore> _painScores = [];
    private readonly List<TreatedPoint> _treatedPoints = [];
    private readonly List<TechniqueMinutes> _minutes = [];
    private readonly List<NoteAddendum> _addenda = [];

    private SessionNote()
    {
    }

    public Guid Id { get; private set; }

    public Guid AppointmentId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid TherapistId { get; private set; }

    public Guid? PlanId { get; private set; }

    public DateTime AppointmentStartsAt { get; private set; }

    public DateTime AppointmentEndsAt { get; private set; }

    public string? Changes { get; private set; }

    /// <summary>The client reports a new medication, surgery or condition: the intake needs updating.</summary>
    public bool NewHealthChanges { get; private set; }

    public string? Findings { get; private set; }

    public string? AssessmentText { get; private set; }

    public string? PlanText { get; private set; }

    /// <summary>The aftercare templates given, by name, separated by spaces.</summary>
    public string AftercareList { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SignedAt { get; private set; }

    public bool Signed => SignedAt is not null;

    public IReadOnlyList<NotePainScore> PainScores => _painScores;

    public IReadOnlyList<TreatedPoint> TreatedPoints => _treatedPoints;

    public IReadOnlyList<TechniqueMinutes> Minutes => _minutes;

    public IReadOnlyList<NoteAddendum> Addenda => _addenda;

    public IReadOnlyList<Aftercare> AftercareGiven =>
        AftercareList.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Aftercare>).ToList();

    /// <summary>Deep or trigger-point work was done: what the soreness follow-up is sent after.</summary>
    public bool DeepOrTriggerPointWork => _treatedPoints.Count > 0 || _minutes.Any(m => m.Technique != PointTechnique.Stretch && m.Minutes > 0);

    public static SessionNote Open(Guid id, Guid appointmentId, Guid clientId, Guid therapistId, Guid? planId, DateTime startsAt, DateTime endsAt, DateTime now) =>
        new()
        {
            Id = id,
            AppointmentId = appointmentId,
            ClientId = clientId,
            TherapistId = therapistId,
            PlanId = planId,
            AppointmentStartsAt = startsAt,
            AppointmentEndsAt = endsAt,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>The four SOAP texts, the health-change answer and the aftercare given.</summary>
    public void Write(string? changes, bool newHealthChanges, string? findings, string? assessment, string? plan, IReadOnlyList<Aftercare> aftercare, DateTime now)
    {
        EnsureOpen();
        foreach (var (text, field) in new[] { (changes, "Changes"), (findings, "Findings"), (assessment, "Assessment"), (plan, "Plan") })
        {
            if (text?.Length > TextLength)
            {
                throw RequestValidationException.For(field, $"At most {TextLength} characters.");
            }
        }

        Changes = Clean(changes);
        NewHealthChanges = newHealthChanges;
        Findings = Clean(findings);
        AssessmentText = Clean(assessment);
        PlanText = Clean(plan);
        AftercareList = string.Join(' ', aftercare.Distinct().Order()); // in the templates' order, however they were ticked
        UpdatedAt = now;
    }

    /// <summary>Pain now for one complaint (its label, e.g. "Neck pain"), replacing an earlier score with the same label.</summary>
    public NotePainScore ScorePain(string? label, int? score, DateTime now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(label))
        {
            throw RequestValidationException.For("Label", "Say which complaint the score is for.");
        }

        var value = score ?? throw RequestValidationException.For("Score", "Give the pain now, 0 to 10.");
        PainScale.Check(value, "Score", "Pain now");
        var trimmed = label.Trim();
        _painScores.RemoveAll(p => string.Equals(p.Label, trimmed, StringComparison.OrdinalIgnoreCase));
        var added = new NotePainScore(Guid.CreateVersion7(), Id, trimmed, value);
        _painScores.Add(added);
        UpdatedAt = now;
        return added;
    }

    /// <summary>
    /// A trigger point treated: where on the chart, which muscle and side, how, for how long, how hard it felt and what
    /// became of it. A point inside an area to avoid is refused unless the therapist gives the reason for overriding.
    /// </summary>
    public TreatedPoint Treat(TreatedPointInput input, Muscle? muscle, IReadOnlyCollection<string> areasToAvoid, DateTime now)
    {
        EnsureOpen();
        if (_treatedPoints.Count >= MaxTreatedPoints)
        {
            throw RequestValidationException.For("Muscle", $"A note holds at most {MaxTreatedPoints} treated points.");
        }

        if (muscle is null)
        {
            throw RequestValidationException.For("Muscle", "Choose the muscle from the library.");
        }

        BodySide? side = muscle.Sided ? input.Side ?? throw RequestValidationException.For("Side", $"Say which side of the {muscle.Name.ToLowerInvariant()} was treated.") : null;
        var zone = PainZones.Find(input.Zone) ?? throw RequestValidationException.For("Zone", "Mark where on the body the point was treated.");
        if (input.HoldSeconds is { } hold && (hold <= 0 || hold > TreatmentLimits.AbsurdHoldSeconds))
        {
            throw RequestValidationException.For("HoldSeconds", $"A hold is from 1 to {TreatmentLimits.AbsurdHoldSeconds} seconds (10 minutes).");
        }

        if (input.Repetitions is < 1 or > 50)
        {
            throw RequestValidationException.For("Repetitions", "Repetitions are from 1 to 50.");
        }

        var pressure = input.Pressure ?? throw RequestValidationException.For("Pressure", "Give the pressure the client reported, 0 to 10.");
        PainScale.Check(pressure, "Pressure", "Pressure");
        var overrideReason = Clean(input.AvoidOverrideReason);
        if (areasToAvoid.Contains(zone.BodyAreaCode) && overrideReason is null)
        {
            throw RequestValidationException.For("AvoidOverrideReason",
                $"{zone.Name} is in an area to avoid (a screening flag). Give the reason for treating it anyway, or choose another point.");
        }

        var point = new TreatedPoint(Guid.CreateVersion7(), Id, muscle.Code, side, zone.Code, input.Technique, input.HoldSeconds, input.Repetitions, pressure,
            input.Outcome, overrideReason);
        _treatedPoints.Add(point);
        UpdatedAt = now;
        return point;
    }

    /// <summary>Minutes spent on a timed technique, replacing an earlier figure for it; 0 removes it.</summary>
    public void SetMinutes(PointTechnique technique, int minutes, DateTime now)
    {
        EnsureOpen();
        if (minutes is < 0 or > 240)
        {
            throw RequestValidationException.For("Minutes", "Minutes are from 0 to 240.");
        }

        _minutes.RemoveAll(m => m.Technique == technique);
        if (minutes > 0)
        {
            _minutes.Add(new TechniqueMinutes(Guid.CreateVersion7(), Id, technique, minutes));
        }

        UpdatedAt = now;
    }

    public bool RemoveItem(Guid itemId, DateTime now)
    {
        EnsureOpen();
        var removed = _painScores.RemoveAll(p => p.Id == itemId) + _treatedPoints.RemoveAll(t => t.Id == itemId);
        if (removed > 0)
        {
            UpdatedAt = now;
        }

        return removed > 0;
    }

    /// <summary>Locks the note. A note with nothing in it is not signed.</summary>
    public void Sign(DateTime now)
    {
        EnsureOpen();
        if (Changes is null && Findings is null && AssessmentText is null && PlanText is null && _treatedPoints.Count == 0 && _painScores.Count == 0)
        {
            throw new BusinessRuleException("note.empty", "Write the note before signing it.");
        }

        SignedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Something added after signing; the signed note stays as it was.</summary>
    public NoteAddendum AddAddendum(string? text, DateTime now)
    {
        if (!Signed)
        {
            throw new BusinessRuleException("note.not-signed", "Change the note itself until it is signed; addenda follow a signed note.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw RequestValidationException.For("Text", "Write the addendum.");
        }

        if (text.Length > TextLength)
        {
            throw RequestValidationException.For("Text", $"At most {TextLength} characters.");
        }

        var addendum = new NoteAddendum(Guid.CreateVersion7(), Id, text.Trim(), now);
        _addenda.Add(addendum);
        UpdatedAt = now;
        return addendum;
    }

    /// <summary>Whether the note should have been signed by now: open longer than the clinic allows after the appointment ended.</summary>
    public bool Overdue(DateTime now, TimeSpan signWithin) => !Signed && now > AppointmentEndsAt + signWithin;

    private void EnsureOpen()
    {
        if (Signed)
        {
            throw new BusinessRuleException("note.signed", "This note is signed and can no longer change: add an addendum instead.");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed record TreatedPointInput(
    string? Zone, BodySide? Side, PointTechnique Technique, int? HoldSeconds, int Repetitions, int? Pressure, PointOutcome Outcome, string? AvoidOverrideReason);

internal sealed record NotePainScore(Guid Id, Guid NoteId, string Label, int Score);

/// <param name="Zone">Where on the body chart the point was treated (a pain zone's code).</param>
/// <param name="AvoidOverrideReason">Why a point inside an area to avoid was treated anyway.</param>
internal sealed record TreatedPoint(
    Guid Id, Guid NoteId, string MuscleCode, BodySide? Side, string Zone, PointTechnique Technique, int? HoldSeconds, int Repetitions, int Pressure,
    PointOutcome Outcome, string? AvoidOverrideReason)
{
    /// <summary>Highlighted for a second look: a hold longer than the clinic's cap, or pressure of 7 or more.</summary>
    public bool Highlighted(TreatmentLimits limits) => HoldSeconds > limits.HoldCapSeconds || Pressure >= TreatmentLimits.HighPressure;
}

internal sealed record TechniqueMinutes(Guid Id, Guid NoteId, PointTechnique Technique, int Minutes);

internal sealed record NoteAddendum(Guid Id, Guid NoteId, string Text, DateTime At);
