using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using Xunit;

namespace PracticeSuite.Clients.UnitTests;

/// <summary>What a screening flag blocks, day by day: the clinic's rules, table by table.</summary>
public sealed class ScreeningFlagTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    internal static ScreeningFlag Flag(FlagKind kind, DateOnly? day = null) =>
        ScreeningFlag.Raise(Guid.NewGuid(), new ScreeningRule("pregnancy", kind, "Pregnant", enabled: true), [], day, intakeVersion: 1, Now);

    internal static ScreeningFlag Cleared(ClearanceOutcome outcome, DateOnly? expiresOn = null)
    {
        var flag = Flag(FlagKind.RequiresPhysicianClearance);
        flag.RecordClearance("Dr Grey", new DateOnly(2026, 11, 19), outcome, expiresOn, notes: null, Now);
        return flag;
    }

    [Theory]
    [InlineData("2026-11-19", true)]  // expired yesterday
    [InlineData("2026-11-20", false)] // today is the clearance's last valid day
    [InlineData("2026-11-21", false)]
    public void A_clearance_expires_after_its_last_valid_day(string expiresOn, bool expired)
    {
        var flag = Cleared(ClearanceOutcome.NoRestriction, DateOnly.Parse(expiresOn));

        Assert.Equal(expired, flag.ClearanceExpired(Today));
        Assert.Equal(expired ? "flag.clearance-expired" : null, flag.Blocker(Today)?.Code);
    }

    [Fact]
    public void A_clearance_without_an_expiry_never_expires()
    {
        var flag = Cleared(ClearanceOutcome.NoRestriction);

        Assert.False(flag.ClearanceExpired(new DateOnly(2036, 1, 1)));
        Assert.Null(flag.Blocker(new DateOnly(2036, 1, 1)));
    }

    [Theory]
    [InlineData(null, "flag.clearance-required", true)]
    [InlineData(ClearanceOutcome.Inadvisable, "flag.clearance-inadvisable", true)]
    [InlineData(ClearanceOutcome.Modify, null, false)]        // treat with modifications: a caution, not a stop
    [InlineData(ClearanceOutcome.NoRestriction, null, false)]
    public void A_flag_needing_a_physicians_clearance_blocks_a_plan_until_the_clearance_allows_treatment(
        ClearanceOutcome? outcome, string? code, bool blocksPlan)
    {
        var flag = outcome is { } recorded ? Cleared(recorded) : Flag(FlagKind.RequiresPhysicianClearance);

        var blocker = flag.Blocker(Today);

        Assert.Equal(code, blocker?.Code);
        Assert.Equal(blocksPlan, blocker?.BlocksPlan ?? false);
    }

    [Theory]
    [InlineData(FlagKind.Local)]
    [InlineData(FlagKind.ModifyPressure)]
    public void Local_and_lighter_pressure_flags_are_cautions_that_block_nothing(FlagKind kind)
    {
        Assert.Null(Flag(kind).Blocker(Today));
    }

    [Theory]
    [InlineData("2026-11-20", false, "flag.absolute-today")] // its day: no treatment today, a plan may start
    [InlineData("2026-11-19", true, null)]                   // yesterday's: lapsed at the end of the clinic's day
    public void An_absolute_flag_stops_only_its_own_day(string day, bool lapsed, string? code)
    {
        var flag = Flag(FlagKind.AbsoluteToday, DateOnly.Parse(day));

        Assert.Equal(lapsed, flag.HasLapsed(Today));
        var blocker = flag.Blocker(Today);
        Assert.Equal(code, blocker?.Code);
        Assert.False(blocker?.BlocksPlan ?? false);
    }

    [Fact]
    public void A_resolved_flag_blocks_nothing()
    {
        var flag = Flag(FlagKind.RequiresPhysicianClearance);
        flag.Resolve(Now);

        Assert.False(flag.IsActive);
        Assert.Null(flag.Blocker(Today));
    }
}
