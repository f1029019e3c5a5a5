using PracticeSuite.Platform.Jobs;
using PracticeSuite.Platform.Modules;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>The schedule contract: which intervals and cron expressions a job may declare, and their cron forms.</summary>
public sealed class JobScheduleTests
{
    [Theory]
    [InlineData(15, "*/15 * * * * *")]
    [InlineData(20, "*/20 * * * * *")]
    [InlineData(30, "*/30 * * * * *")]
    [InlineData(60, "* * * * *")]
    [InlineData(120, "*/2 * * * *")]
    [InlineData(300, "*/5 * * * *")]
    [InlineData(720, "*/12 * * * *")]
    [InlineData(1800, "*/30 * * * *")]
    [InlineData(3600, "0 * * * *")]
    public void An_interval_that_divides_an_hour_becomes_its_cron_schedule(int seconds, string cron) =>
        Assert.Equal(cron, JobDeclarations.IntervalCron("Tests.job", TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(14_000, "Job Tests.job runs every 00:00:14; an interval is at least 15 s and at most an hour, in whole seconds.")]
    [InlineData(15_500, "Job Tests.job runs every 00:00:15.5000000; an interval is at least 15 s and at most an hour, in whole seconds.")]
    [InlineData(7_200_000, "Job Tests.job runs every 02:00:00; an interval is at least 15 s and at most an hour, in whole seconds.")]
    [InlineData(45_000, "Job Tests.job runs every 45 s; under a minute, an interval must divide a minute (15, 20 or 30 s).")]
    [InlineData(90_000, "Job Tests.job runs every 00:01:30; an interval of a minute or more must be whole minutes that divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60).")]
    [InlineData(420_000, "Job Tests.job runs every 00:07:00; an interval of a minute or more must be whole minutes that divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60).")]
    public void Any_other_interval_is_refused_with_the_jobs_name(int milliseconds, string message)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => JobDeclarations.IntervalCron("Tests.job", TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("30 3 * * *", "30 3 * * *")]
    [InlineData("  0 9  * * 1-5 ", "0 9 * * 1-5")]
    [InlineData("*/10 8-18 * * MON-FRI", "*/10 8-18 * * MON-FRI")]
    public void A_five_field_cron_expression_is_taken(string cron, string expected) =>
        Assert.Equal(expected, JobDeclarations.CheckedCron("Tests.job", cron));

    [Theory]
    [InlineData("0 30 3 * * ?")]
    [InlineData("30 3 * *")]
    [InlineData("")]
    public void A_cron_expression_without_five_fields_is_refused(string cron)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => JobDeclarations.CheckedCron("Tests.job", cron));
        Assert.Equal($"Job Tests.job has the cron expression '{cron}'; it needs 5 fields: minute hour day-of-month month day-of-week, e.g. '30 3 * * *'.", error.Message);
    }

    [Fact]
    public void A_cron_expression_with_foreign_characters_is_refused()
    {
        var error = Assert.Throws<StartupConfigurationException>(() => JobDeclarations.CheckedCron("Tests.job", "30 3 * * ;rm"));
        Assert.Equal("Job Tests.job has the cron expression '30 3 * * ;rm', which has characters no cron field takes.", error.Message);
    }

    [Fact]
    public void A_module_declares_its_jobs_under_its_own_name()
    {
        var declarations = new JobDeclarations("Gamma");
        declarations.Every<PracticeSuite.Platform.Messaging.PurgeMessages>("count-receipts", TimeSpan.FromMinutes(10), "counts");
        declarations.Cron<PracticeSuite.Platform.Messaging.PurgeMessages>("nightly", "0 2 * * *", "nightly");

        Assert.Collection(declarations.Jobs,
            every => Assert.Equal(("Gamma.count-receipts", "*/10 * * * *", false), (every.Id, every.Cron, every.InClinicTime)),
            cron => Assert.Equal(("Gamma.nightly", "0 2 * * *", true), (cron.Id, cron.Cron, cron.InClinicTime)));
    }
}
