using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.SharedKernel.Errors;
using Xunit;

namespace PracticeSuite.TreatmentPlans.UnitTests;

/// <summary>An assessment's findings are checked against the reference data: pain on its scale, ranges within their hard limits, trigger points with muscle and side.</summary>
public sealed class AssessmentTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    private static Assessment New() => Assessment.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Today, Today, Now);

    private static Muscle Shipped(string code) => MuscleLibrary.Shipped.Single(m => m.Code == code);

    private static string Refused(Action act) => Assert.Throws<RequestValidationException>(act).Errors.Keys.Single();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 10)]
    [InlineData(3, 9)]
    public void Pain_from_0_to_10_with_the_worst_at_least_now_is_taken(int now, int worst)
    {
        var complaint = New().AddComplaint(["temple"], now, worst, null, null, null, Now);

        Assert.Equal((now, worst), (complaint.PainNow, complaint.PainWorst));
    }

    [Theory]
    [InlineData(11, 11, "PainNow")]
    [InlineData(-1, 5, "PainNow")]
    [InlineData(5, 11, "PainWorst")]
    [InlineData(6, 5, "PainWorst")]
    public void Pain_outside_the_scale_or_worst_below_now_is_refused(int now, int worst, string field)
    {
        var assessment = New();

        Assert.Equal(field, Refused(() => assessment.AddComplaint(["temple"], now, worst, null, null, null, Now)));
        Assert.Empty(assessment.Complaints);
    }

    [Fact]
    public void A_complaint_needs_known_zones()
    {
        var assessment = New();

        Assert.Equal("Zones", Refused(() => assessment.AddComplaint([], 3, 4, null, null, null, Now)));
        Assert.Equal("Zones", Refused(() => assessment.AddComplaint(["temple", "elbow"], 3, 4, null, null, null, Now)));
    }

    [Fact]
    public void A_range_at_the_hard_limit_is_taken_and_shown_past_normal_one_more_degree_is_refused()
    {
        var assessment = New();

        // Shoulder abduction: normal 180°, hard limit 200°.
        var atLimit = assessment.AddRange("shoulder-abduction", BodySide.Left, 200, Now);
        var normal = assessment.AddRange("shoulder-abduction", BodySide.Right, 180, Now);

        Assert.True(atLimit.PastNormal);
        Assert.False(normal.PastNormal);
        Assert.Equal("Degrees", Refused(() => assessment.AddRange("shoulder-abduction", BodySide.Left, 201, Now)));
        Assert.Equal("Degrees", Refused(() => assessment.AddRange("shoulder-abduction", BodySide.Left, -1, Now)));
        Assert.Equal(2, assessment.Ranges.Count);
    }

    [Fact]
    public void A_limb_range_needs_its_side_and_a_neck_flexion_has_none()
    {
        var assessment = New();

        Assert.Equal("Side", Refused(() => assessment.AddRange("knee-flexion", null, 120, Now)));
        Assert.Null(assessment.AddRange("neck-flexion", BodySide.Left, 40, Now).Side);
        Assert.Equal("Movement", Refused(() => assessment.AddRange("knee-wobble", BodySide.Left, 10, Now)));
    }

    [Fact]
    public void A_trigger_point_without_muscle_or_side_is_refused()
    {
        var assessment = New();

        Assert.Equal("Muscle", Refused(() => assessment.AddTriggerPoint(null, BodySide.Left, true, false, [], 5, Now)));
        Assert.Equal("Side", Refused(() => assessment.AddTriggerPoint(Shipped("piriformis"), null, true, false, [], 5, Now)));
        Assert.Equal("Tenderness", Refused(() => assessment.AddTriggerPoint(Shipped("piriformis"), BodySide.Left, true, false, [], 11, Now)));
        Assert.Equal("ReferralZones", Refused(() => assessment.AddTriggerPoint(Shipped("piriformis"), BodySide.Left, true, false, ["moon"], 5, Now)));
        Assert.Empty(assessment.TriggerPoints);

        var point = assessment.AddTriggerPoint(Shipped("piriformis"), BodySide.Left, false, true, ["buttock-left", "buttock-left"], 4, Now);
        Assert.Equal(["buttock-left"], point.ReferralZoneCodes);
        Assert.False(point.Active);
    }

    [Fact]
    public void An_assessment_is_not_dated_in_the_future()
    {
        Assert.Equal("AssessedOn", Refused(() => Assessment.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Today.AddDays(1), Today, Now)));
    }
}
