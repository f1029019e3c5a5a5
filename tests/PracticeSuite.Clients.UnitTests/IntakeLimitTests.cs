using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.SharedKernel.Errors;
using Xunit;

namespace PracticeSuite.Clients.UnitTests;

/// <summary>At most 20 intake versions per client in one clinic day (issue 16): the twentieth is taken, the twenty-first refused.</summary>
public sealed class IntakeLimitTests
{
    private static readonly Guid ClientId = Guid.Parse("01a23800-0000-7000-8000-000000000002");

    private static IntakeVersion Submit(int submittedEarlierToday) =>
        IntakeVersion.Submit(ClientId, submittedEarlierToday + 1, "{}", new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), "user", byStaff: false, submittedEarlierToday);

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    public void A_version_within_the_day_s_limit_is_taken(int submittedEarlierToday)
    {
        var intake = Submit(submittedEarlierToday);

        Assert.Equal(submittedEarlierToday + 1, intake.Version);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(21)]
    public void The_twenty_first_version_of_a_day_is_refused(int submittedEarlierToday)
    {
        var refused = Assert.Throws<BusinessRuleException>(() => Submit(submittedEarlierToday));

        Assert.Equal("intake.daily-limit", refused.Code);
        Assert.Contains("20 times today", refused.Message, StringComparison.Ordinal);
        Assert.Equal(20, IntakeVersion.MaxVersionsPerClinicDay);
    }
}
