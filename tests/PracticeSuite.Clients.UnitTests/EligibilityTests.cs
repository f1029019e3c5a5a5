using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using Xunit;
using static PracticeSuite.Clients.UnitTests.ScreeningFlagTests;

namespace PracticeSuite.Clients.UnitTests;

/// <summary>May a plan start, may the client be treated now: each reason on its own, then together.</summary>
public sealed class EligibilityTests
{
    private static readonly Guid ClientId = Guid.Parse("01a23800-0000-7000-8000-000000000001");
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static TreatmentEligibility Evaluate(
        bool closed = false, bool hasIntake = true, int current = 2, int? signed = 2, params ScreeningFlag[] flags) =>
        Eligibility.Evaluate(ClientId, closed, hasIntake, current, signed, flags, Today);

    private static string[] Codes(TreatmentEligibility eligibility) => eligibility.Blockers.Select(b => b.Code).ToArray();

    [Fact]
    public void A_client_with_intake_current_consent_and_no_flags_may_start_a_plan_and_be_treated()
    {
        var eligibility = Evaluate();

        Assert.True(eligibility.MayStartPlan);
        Assert.True(eligibility.MayTreatNow);
        Assert.Empty(eligibility.Blockers);
        Assert.Equal(ClientId, eligibility.ClientId);
    }

    [Theory]
    [InlineData(true, true, 2, "client.archived")]
    [InlineData(false, false, 2, "intake.missing")]
    [InlineData(false, true, null, "consent.missing")]
    [InlineData(false, true, 1, "consent.outdated")] // signed version 1, the clinic now asks for version 2
    public void Each_missing_precondition_blocks_the_plan(bool closed, bool hasIntake, int? signed, string code)
    {
        var eligibility = Evaluate(closed, hasIntake, current: 2, signed: signed);

        Assert.Equal([code], Codes(eligibility));
        Assert.False(eligibility.MayStartPlan);
        Assert.False(eligibility.MayTreatNow);
    }

    [Fact]
    public void An_uncleared_flag_blocks_the_plan_and_names_its_flag()
    {
        var flag = Flag(FlagKind.RequiresPhysicianClearance);

        var eligibility = Evaluate(flags: flag);

        var blocker = Assert.Single(eligibility.Blockers);
        Assert.Equal(("flag.clearance-required", flag.Id, true), (blocker.Code, blocker.FlagId, blocker.BlocksPlan));
        Assert.False(eligibility.MayStartPlan);
    }

    [Fact]
    public void An_absolute_flag_for_today_stops_the_session_but_not_the_plan()
    {
        var eligibility = Evaluate(flags: Flag(FlagKind.AbsoluteToday, Today));

        Assert.Equal(["flag.absolute-today"], Codes(eligibility));
        Assert.True(eligibility.MayStartPlan);
        Assert.False(eligibility.MayTreatNow);
    }

    [Fact]
    public void Cautions_are_listed_apart_from_blockers_and_lapsed_flags_are_left_out()
    {
        var local = Flag(FlagKind.Local);
        var modified = Cleared(ClearanceOutcome.Modify);
        var lapsed = Flag(FlagKind.AbsoluteToday, Today.AddDays(-1));

        var eligibility = Evaluate(flags: [local, modified, lapsed]);

        Assert.True(eligibility.MayTreatNow);
        Assert.Equal(new[] { local.Id, modified.Id }, eligibility.Cautions.Select(c => c.Id));
        Assert.Equal(new[] { local.Id, modified.Id }, eligibility.Flags.Select(f => f.Id));
    }

    [Fact]
    public void A_clearance_with_no_restriction_is_neither_a_blocker_nor_a_caution_while_it_holds()
    {
        var cleared = Cleared(ClearanceOutcome.NoRestriction, expiresOn: Today);

        var eligibility = Evaluate(flags: cleared);

        Assert.True(eligibility.MayStartPlan);
        Assert.True(eligibility.MayTreatNow);
        Assert.Empty(eligibility.Blockers);
        Assert.Empty(eligibility.Cautions);
        Assert.Equal([cleared.Id], eligibility.Flags.Select(f => f.Id)); // still listed, with its clearance
    }

    [Fact]
    public void A_clearance_with_no_restriction_that_has_expired_blocks_again()
    {
        var eligibility = Evaluate(flags: Cleared(ClearanceOutcome.NoRestriction, expiresOn: Today.AddDays(-1)));

        Assert.Equal(["flag.clearance-expired"], Codes(eligibility));
        Assert.Empty(eligibility.Cautions);
    }

    [Fact]
    public void Several_reasons_are_all_given()
    {
        var eligibility = Evaluate(hasIntake: false, signed: null, flags: Cleared(ClearanceOutcome.Inadvisable));

        Assert.Equal(["intake.missing", "consent.missing", "flag.clearance-inadvisable"], Codes(eligibility));
    }
}
