using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.TreatmentPlans.Domain;

/// <summary>The numeric rating scale: pain and tenderness from 0 (none) to 10 (the worst imaginable).</summary>
internal static class PainScale
{
    public const int Min = 0;
    public const int Max = 10;

    public static void Check(int value, string field, string what)
    {
        if (value is < Min or > Max)
        {
            throw RequestValidationException.For(field, $"{what} is from {Min} to {Max}.");
        }
    }
}

/// <summary>
/// What a therapist found at an assessment: the client's complaints, ranges of motion, posture and trigger points. The
/// record of a clinical examination: every part is checked against the reference data, so "an unknown muscle" or "a
/// pain of 11" never reaches the database.
/// </summary>
internal sealed class Assessment
{
    public const int TextLength = 1000;

    private readonly List<Complaint> _complaints = [];
    private readonly List<RangeMeasurement> _ranges = [];
    private readonly List<TriggerPointFinding> _triggerPoints = [];

    private Assessment()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid TherapistId { get; private set; }

    public DateOnly AssessedOn { get; private set; }

    public string? PostureNotes { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<Complaint> Complaints => _complaints;

    public IReadOnlyList<RangeMeasurement> Ranges => _ranges;

    public IReadOnlyList<TriggerPointFinding> TriggerPoints => _triggerPoints;

    public static Assessment Start(Guid id, Guid clientId, Guid therapistId, DateOnly assessedOn, DateOnly today, DateTime now)
    {
        if (assessedOn > today)
        {
            throw RequestValidationException.For("AssessedOn", "An assessment cannot be dated in the future.");
        }

        return new Assessment { Id = id, ClientId = clientId, TherapistId = therapistId, AssessedOn = assessedOn, CreatedAt = now, UpdatedAt = now };
    }

    public void SetPostureNotes(string? notes, DateTime now)
    {
        PostureNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        UpdatedAt = now;
    }

    /// <summary>A complaint: where (one or more zones), how bad now and at worst, what makes it worse or better, since when.</summary>
    public Complaint AddComplaint(IReadOnlyList<string> zoneCodes, int painNow, int painWorst, string? aggravating, string? easing, string? since, DateTime now)
    {
        var zones = KnownZones(zoneCodes, "Zones");
        if (zones.Count == 0)
        {
            throw RequestValidationException.For("Zones", "Choose where the client feels the pain.");
        }

        PainScale.Check(painNow, "PainNow", "Pain now");
        PainScale.Check(painWorst, "PainWorst", "Pain at its worst");
        if (painWorst < painNow)
        {
            throw RequestValidationException.For("PainWorst", "Pain at its worst cannot be less than pain now.");
        }

        var complaint = new Complaint(Guid.CreateVersion7(), Id, string.Join(' ', zones), painNow, painWorst, Clean(aggravating), Clean(easing), Clean(since));
        _complaints.Add(complaint);
        UpdatedAt = now;
        return complaint;
    }

    /// <summary>A range of motion in degrees: refused past the movement's hard limit, flagged (not refused) past normal.</summary>
    public RangeMeasurement AddRange(string movementCode, BodySide? side, int degrees, DateTime now)
    {
        var movement = RangeOfMotion.Find(movementCode) ?? throw RequestValidationException.For("Movement", "Choose the movement from the list.");
        var checkedSide = SideFor(movement.Sided, side, "Side", $"Say which side {movement.Name.ToLowerInvariant()} was measured on.");
        if (degrees < 0)
        {
            throw RequestValidationException.For("Degrees", "Give the range in degrees, 0 or more.");
        }

        if (degrees > movement.HardLimitDegrees)
        {
            throw RequestValidationException.For("Degrees",
                $"{degrees}° is past what {movement.Name.ToLowerInvariant()} can measure (at most {movement.HardLimitDegrees}°; normal is {movement.NormalDegrees}°). Check the reading.");
        }

        var range = new RangeMeasurement(Guid.CreateVersion7(), Id, movement.Code, checkedSide, degrees);
        _ranges.Add(range);
        UpdatedAt = now;
        return range;
    }

    /// <summary>A trigger point: its muscle (from the library) and, for a muscle of each side, its side, are required.</summary>
    public TriggerPointFinding AddTriggerPoint(Muscle? muscle, BodySide? side, bool active, bool reproducesFamiliarPain, IReadOnlyList<string> referralZoneCodes, int tenderness, DateTime now)
    {
        if (muscle is null)
        {
            throw RequestValidationException.For("Muscle", "Choose the muscle from the library.");
        }

        var checkedSide = SideFor(muscle.Sided, side, "Side", $"Say which side of the {muscle.Name.ToLowerInvariant()} the point is on.");
        var zones = KnownZones(referralZoneCodes, "ReferralZones");
        PainScale.Check(tenderness, "Tenderness", "Tenderness");
        var point = new TriggerPointFinding(Guid.CreateVersion7(), Id, muscle.Code, checkedSide, active, reproducesFamiliarPain, string.Join(' ', zones), tenderness);
        _triggerPoints.Add(point);
        UpdatedAt = now;
        return point;
    }

    /// <summary>Removes a complaint, range or trigger point recorded by mistake; false when there is none with that id.</summary>
    public bool RemoveFinding(Guid findingId, DateTime now)
    {
        var removed = _complaints.RemoveAll(c => c.Id == findingId) + _ranges.RemoveAll(r => r.Id == findingId) + _triggerPoints.RemoveAll(t => t.Id == findingId);
        if (removed > 0)
        {
            UpdatedAt = now;
        }

        return removed > 0;
    }

    private static List<string> KnownZones(IReadOnlyList<string> codes, string field)
    {
        var distinct = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.FirstOrDefault(c => !PainZones.IsKnown(c)) is { } unknown)
        {
            throw RequestValidationException.For(field, $"There is no pain zone '{unknown}'.");
        }

        return distinct;
    }

    private static BodySide? SideFor(bool sided, BodySide? side, string field, string message) =>
        sided ? side ?? throw RequestValidationException.For(field, message) : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <param name="Zones">Pain zone codes, separated by spaces.</param>
internal sealed record Complaint(Guid Id, Guid AssessmentId, string Zones, int PainNow, int PainWorst, string? Aggravating, string? Easing, string? Since)
{
    public IReadOnlyList<string> ZoneCodes => Zones.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed record RangeMeasurement(Guid Id, Guid AssessmentId, string MovementCode, BodySide? Side, int Degrees)
{
    public JointMovement Movement => RangeOfMotion.Find(MovementCode)!;

    /// <summary>Past the usual adult range: shown to the therapist, not refused.</summary>
    public bool PastNormal => Degrees > Movement.NormalDegrees;
}

/// <param name="Active">Produces the client's familiar pain on its own; latent when it hurts only when pressed.</param>
/// <param name="ReferralZones">Where the client felt the referral when it was pressed: pain zone codes, separated by spaces.</param>
internal sealed record TriggerPointFinding(
    Guid Id, Guid AssessmentId, string MuscleCode, BodySide? Side, bool Active, bool ReproducesFamiliarPain, string ReferralZones, int Tenderness)
{
    public IReadOnlyList<string> ReferralZoneCodes => ReferralZones.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
