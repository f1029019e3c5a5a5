using PracticeSuite.Modules.TreatmentPlans.Domain;

namespace PracticeSuite.Modules.TreatmentPlans.Features.Assessments;

/// <summary>An assessment's findings as zones, for the body chart.</summary>
/// <param name="ComplaintZones">Where the complaints are felt.</param>
/// <param name="ReferralZones">Where the trigger points' referral was felt.</param>
internal sealed record AssessmentZones(IReadOnlyList<string> ComplaintZones, IReadOnlyList<string> ReferralZones)
{
    public static AssessmentZones None { get; } = new([], []);

    public static AssessmentZones Of(Assessment assessment) => new(
        assessment.Complaints.SelectMany(c => c.ZoneCodes).Distinct(StringComparer.Ordinal).ToList(),
        assessment.TriggerPoints.SelectMany(t => t.ReferralZoneCodes).Distinct(StringComparer.Ordinal).ToList());
}
