using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.SharedKernel.Errors;
using Xunit;

namespace PracticeSuite.TreatmentPlans.UnitTests;

/// <summary>A session note's rules: the highlights, the hold and pressure limits, areas to avoid, and the lock signing puts on it.</summary>
public sealed class SessionNoteTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc);
    private static readonly Muscle Trapezius = MuscleLibrary.Shipped.Single(m => m.Code == "upper-trapezius");
    private static readonly TreatmentLimits Cap120 = new(120);

    private static SessionNote Open() =>
        SessionNote.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, Now.AddHours(-1), Now, Now);

    private static TreatedPointInput Input(int? hold = 60, int? pressure = 5, string zone = "side-of-neck", string? reason = null, BodySide? side = BodySide.Left) =>
        new(zone, side, PointTechnique.IschaemicCompression, hold, 2, pressure, PointOutcome.Softened, reason);

    [Theory]
    [InlineData(120, 6, false)]
    [InlineData(121, 6, true)]
    [InlineData(null, 6, false)]
    [InlineData(30, 7, true)]
    [InlineData(30, 0, false)]
    public void A_hold_over_the_cap_or_pressure_of_7_or_more_is_highlighted(int? hold, int pressure, bool highlighted)
    {
        var point = Open().Treat(Input(hold, pressure), Trapezius, [], Now);

        Assert.Equal(highlighted, point.Highlighted(Cap120));
    }

    [Fact]
    public void The_cap_is_the_clinics()
    {
        var point = Open().Treat(Input(hold: 100), Trapezius, [], Now);

        Assert.True(point.Highlighted(new TreatmentLimits(90)));
        Assert.False(point.Highlighted(new TreatmentLimits(100)));
    }

    [Theory]
    [InlineData(601, 5, "HoldSeconds")]
    [InlineData(0, 5, "HoldSeconds")]
    [InlineData(60, 11, "Pressure")]
    [InlineData(60, null, "Pressure")]
    public void Absurd_holds_and_pressure_off_the_scale_are_refused(int? hold, int? pressure, string field)
    {
        var note = Open();

        Assert.Equal(field, Assert.Throws<RequestValidationException>(() => note.Treat(Input(hold, pressure), Trapezius, [], Now)).Errors.Keys.Single());
        Assert.Empty(note.TreatedPoints);
    }

    [Fact]
    public void A_ten_minute_hold_is_the_longest_taken()
    {
        Assert.Equal(600, Open().Treat(Input(hold: 600), Trapezius, [], Now).HoldSeconds);
    }

    [Fact]
    public void A_point_in_an_area_to_avoid_needs_the_reason_for_overriding()
    {
        var note = Open();

        var refused = Assert.Throws<RequestValidationException>(() => note.Treat(Input(zone: "front-of-knee-left"), Trapezius, ["knee-left"], Now));
        Assert.Equal("AvoidOverrideReason", refused.Errors.Keys.Single());
        // The other knee is not the flagged one.
        note.Treat(Input(zone: "front-of-knee-right"), Trapezius, ["knee-left"], Now);
        var overridden = note.Treat(Input(zone: "front-of-knee-left", reason: "Healed; GP agreed"), Trapezius, ["knee-left"], Now);
        Assert.Equal("Healed; GP agreed", overridden.AvoidOverrideReason);
    }

    [Fact]
    public void A_sided_muscle_needs_its_side()
    {
        Assert.Equal("Side", Assert.Throws<RequestValidationException>(() => Open().Treat(Input(side: null), Trapezius, [], Now)).Errors.Keys.Single());
    }

    [Fact]
    public void Signing_locks_every_part_and_addenda_come_only_after_it()
    {
        var note = Open();
        Assert.Equal("note.not-signed", Assert.Throws<BusinessRuleException>(() => note.AddAddendum("Later", Now)).Code);
        Assert.Equal("note.empty", Assert.Throws<BusinessRuleException>(() => note.Sign(Now)).Code);
        note.Write("Better", false, "Taut band", null, null, [Aftercare.Ice], Now);
        var point = note.Treat(Input(), Trapezius, [], Now);

        note.Sign(Now);

        Assert.True(note.Signed);
        Assert.Equal("note.signed", Assert.Throws<BusinessRuleException>(() => note.Write("Rewritten", false, null, null, null, [], Now)).Code);
        Assert.Equal("note.signed", Assert.Throws<BusinessRuleException>(() => note.Treat(Input(), Trapezius, [], Now)).Code);
        Assert.Equal("note.signed", Assert.Throws<BusinessRuleException>(() => note.ScorePain("Neck", 3, Now)).Code);
        Assert.Equal("note.signed", Assert.Throws<BusinessRuleException>(() => note.SetMinutes(PointTechnique.Stretch, 5, Now)).Code);
        Assert.Equal("note.signed", Assert.Throws<BusinessRuleException>(() => note.RemoveItem(point.Id, Now)).Code);
        Assert.Equal("note.signed", Assert.Throws<BusinessRuleException>(() => note.Sign(Now)).Code);
        note.AddAddendum("Phoned: eased", Now);
        Assert.Equal("Better", note.Changes);
        Assert.Single(note.TreatedPoints);
        Assert.Single(note.Addenda);
    }

    [Fact]
    public void Deep_or_trigger_point_work_is_a_treated_point_or_minutes_of_a_deep_technique()
    {
        var stretchOnly = Open();
        stretchOnly.SetMinutes(PointTechnique.Stretch, 10, Now);
        Assert.False(stretchOnly.DeepOrTriggerPointWork);

        var friction = Open();
        friction.SetMinutes(PointTechnique.CrossFibreFriction, 5, Now);
        Assert.True(friction.DeepOrTriggerPointWork);

        var pointed = Open();
        pointed.Treat(Input(), Trapezius, [], Now);
        Assert.True(pointed.DeepOrTriggerPointWork);
    }

    [Fact]
    public void A_note_is_overdue_once_the_clinics_time_to_sign_has_passed_after_the_appointment()
    {
        var note = Open(); // the appointment ended at Now
        Assert.False(note.Overdue(Now.AddHours(24), TimeSpan.FromHours(24)));
        Assert.True(note.Overdue(Now.AddHours(24).AddSeconds(1), TimeSpan.FromHours(24)));
    }
}
