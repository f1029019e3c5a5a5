using Microsoft.Extensions.Time.Testing;
using Autofac;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using PracticeSuite.Platform.Jobs;
using PracticeSuite.Platform.Modules;
using PracticeSuite.Platform.Messaging;
using PracticeSuite.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>The job engine on the configured database: declared jobs in Hangfire's storage, runs, retries and failures.</summary>
[Trait("Category", "Persistence")]
public sealed class JobsTests
{
    // Test module Gamma's command that always fails, named as a job names its command (Gamma is loaded, not referenced).
    private const string FailOnPurpose = "PracticeSuite.Modules.Gamma.FailOnPurpose, PracticeSuite.Modules.Gamma";
    private const string FailedOnPurpose = "Gamma failed on purpose.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Declared_jobs_are_recurring_jobs_and_a_disabled_modules_jobs_are_removed_at_start_up()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var withGamma = new PracticeSuiteFactory(database))
        {
            var jobs = RecurringJobs(withGamma);
            Assert.Equal("0 * * * *", jobs["Gamma.count-receipts"].Cron);
            Assert.Equal("*/15 * * * * *", jobs["Platform.messaging-sweep"].Cron);
            Assert.Equal("*/30 * * * * *", jobs["Platform.email-delivery"].Cron);
            Assert.Equal("30 3 * * *", jobs["Platform.messaging-purge"].Cron);
        }

        await using var withoutGamma = new PracticeSuiteFactory(database, new Dictionary<string, string?> { ["Modules:Gamma:Enabled"] = "false" });
        var remaining = RecurringJobs(withoutGamma);
        Assert.DoesNotContain("Gamma.count-receipts", remaining.Keys);
        Assert.Contains("Platform.messaging-sweep", remaining.Keys);
    }

    [Fact]
    public async Task The_nightly_backup_runs_on_sqlite_in_clinic_time_and_keeps_the_newest_backups()
    {
        await using var database = await TestDatabase.CreateAsync();
        var folder = Path.Combine(database.DataDirectory, "elsewhere");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        await using var host = new PracticeSuiteFactory(
            database,
            new Dictionary<string, string?> { ["Backup:Keep"] = "2", ["Backup:Folder"] = folder, ["Clinic:TimeZone"] = "Europe/Berlin" },
            services => services.AddSingleton<TimeProvider>(clock));
        var jobs = RecurringJobs(host);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            Assert.DoesNotContain("Platform.backup", jobs.Keys); // the server's own tools back it up
            return;
        }

        Assert.Equal("0 2 * * *", jobs["Platform.backup"].Cron);
        Assert.Equal("Europe/Berlin", jobs["Platform.backup"].TimeZoneId);
        for (var night = 0; night < 3; night++)
        {
            await host.InScopeAsync(scope => scope.Resolve<MediatR.IMediator>().Send(new BackUpEmbeddedDatabase(), Ct));
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(
            ["practicesuite-20261201-010000Z.zip", "practicesuite-20261202-010000Z.zip"],
            Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Order().ToArray());
    }

    [Fact]
    public void A_hosts_job_activator_is_its_own_whatever_another_host_made_hangfires_static_one()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPracticeJobs();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IGlobalConfiguration>(); // this host's Hangfire configuration, applied
        var previous = JobActivator.Current;
        JobActivator.Current = new JobActivator(); // as another host built at the same moment in this process leaves it
        try
        {
            var activator = provider.GetRequiredService<JobActivator>();

            Assert.IsType<Hangfire.AspNetCore.AspNetCoreJobActivator>(activator);
            Assert.NotSame(JobActivator.Current, activator);
        }
        finally
        {
            JobActivator.Current = previous;
        }
    }

    [Fact]
    public async Task Jobs_are_stored_in_schema_hangfire_on_postgres_and_in_their_own_file_on_sqlite()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PracticeSuiteFactory(database);
        _ = host.Server;
        var practice = host.Container.Resolve<PracticeDatabase>();

        await using var connection = practice.CreateConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'";
            Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync(Ct)));
        }
        else
        {
            Assert.True(File.Exists(Path.Combine(database.DataDirectory, "hangfire.db")));
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('Job', 'JobQueue', 'State')";
            Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(Ct))); // none of Hangfire's tables in the practice file
        }
    }

    [Fact]
    public async Task Cron_jobs_run_in_the_clinics_time_zone_and_intervals_in_utc()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PracticeSuiteFactory(database, new Dictionary<string, string?> { ["Clinic:TimeZone"] = "Australia/Sydney" });
        var jobs = RecurringJobs(host);

        Assert.Equal("Australia/Sydney", jobs["Platform.messaging-purge"].TimeZoneId);
        Assert.Equal("UTC", jobs["Platform.messaging-sweep"].TimeZoneId);
        // 03:30 in Sydney in December (AEDT, UTC+11) is 16:30 UTC the day before.
        Assert.Equal(new TimeOnly(16, 30), TimeOnly.FromDateTime(jobs["Platform.messaging-purge"].NextExecution!.Value));
    }

    [Fact]
    public async Task A_restart_leaves_an_unchanged_job_alone_and_updates_a_changed_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        DateTime? firstNext;
        await using (var first = new PracticeSuiteFactory(database))
        {
            firstNext = RecurringJobs(first)["Gamma.count-receipts"].NextExecution;
        }

        await using (var unchanged = new PracticeSuiteFactory(database))
        {
            Assert.Equal(firstNext, RecurringJobs(unchanged)["Gamma.count-receipts"].NextExecution);
        }

        await using var changed = new PracticeSuiteFactory(database, new Dictionary<string, string?> { ["Messaging:SweepInterval"] = "00:05:00" });
        Assert.Equal("*/5 * * * *", RecurringJobs(changed)["Platform.messaging-sweep"].Cron);
    }

    [Fact]
    public async Task A_triggered_job_sends_its_command_and_succeeds()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PracticeSuiteFactory(database);
        var jobId = host.Container.Resolve<IRecurringJobManagerV2>().TriggerJob("Gamma.count-receipts");

        var state = await WaitForStateAsync(host, jobId, "Succeeded");

        Assert.True(state == "Succeeded", $"the job is {state}: " + string.Join(" / ",
            host.Container.Resolve<JobStorage>().GetMonitoringApi().JobDetails(jobId).History.Select(h => $"{h.StateName} {h.Reason} {string.Join(",", h.Data.Select(d => d.Key + "=" + d.Value))}")));
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_its_error_recorded_and_fails_for_good_after_its_attempts()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PracticeSuiteFactory(database);
        var storage = host.Container.Resolve<JobStorage>();
        var jobId = host.Container.Resolve<IBackgroundJobClient>().Enqueue<CommandJob>(job =>
            job.RunAsync("Tests.fail-on-purpose", "fails", FailOnPurpose, null, CancellationToken.None));

        // The first failure schedules a retry (Hangfire waits at least 15 s) and keeps the error in the job's history.
        Assert.Equal("Scheduled", await WaitForStateAsync(host, jobId, "Scheduled"));
        var details = storage.GetMonitoringApi().JobDetails(jobId);
        var failure = details.History.First(h => h.StateName == "Failed");
        Assert.Contains(FailedOnPurpose, failure.Data["ExceptionMessage"]);
        Assert.Contains("Retry attempt 1 of 5", details.History.First(h => h.StateName == "Scheduled").Reason);

        // As if every retry had been used: the next failure leaves the job Failed, on the dashboard's Failed list.
        using (var connection = storage.GetConnection())
        {
            connection.SetJobParameter(jobId, "RetryCount", CommandJob.Attempts.ToString());
        }

        host.Container.Resolve<IBackgroundJobClient>().Requeue(jobId);
        Assert.Equal("Failed", await WaitForStateAsync(host, jobId, "Failed"));
        Assert.Contains(storage.GetMonitoringApi().FailedJobs(0, 10), job => job.Key == jobId && job.Value.ExceptionMessage.Contains(FailedOnPurpose));
    }

    [Fact]
    public async Task A_cron_expression_hangfire_refuses_stops_start_up_with_the_jobs_name()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PracticeSuiteFactory(database);
        var declared = new[] { DeclaredJob.OnCron<PurgeMessages>("Gamma", "bad-minute", "61 * * * *", "never runs") };

        var error = Assert.Throws<StartupConfigurationException>(() => JobsComposition.Synchronise(
            host.Container.Resolve<JobStorage>(), host.Container.Resolve<IRecurringJobManager>(), declared, TimeZoneInfo.Utc, NullLogger.Instance));

        Assert.StartsWith("Job Gamma.bad-minute has the cron expression '61 * * * *', which is not valid:", error.Message);
    }

    [Fact]
    public async Task Health_reports_this_hosts_job_server_heartbeat()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PracticeSuiteFactory(database, overrides: services => services.AddTestAuthentication());
        var client = host.CreateClient().As(PracticeRole.Manager, "user-manager"); // the checks' details are the manager's

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string body;
        do
        {
            // 503 while any check is unhealthy, e.g. before the job server's first heartbeat.
            body = await (await client.GetAsync("/health", Ct)).Content.ReadAsStringAsync(Ct);
        }
        while (!body.Contains("\"jobs\":{\"status\":\"Healthy\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());

        Assert.Contains("\"jobs\":{\"status\":\"Healthy\"", body);
        Assert.Contains(host.Container.Resolve<JobServerIdentity>().ServerName, body);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200, Ct);
        return true;
    }

    private static Dictionary<string, RecurringJobDto> RecurringJobs(PracticeSuiteFactory host)
    {
        using var connection = host.Container.Resolve<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }

    private static async Task<string?> WaitForStateAsync(PracticeSuiteFactory host, string jobId, string wanted)
    {
        var storage = host.Container.Resolve<JobStorage>();
        // Generous: test classes run in parallel, each with hosts whose job servers share two cores, and a run that
        // failed once is retried after at least 15 s.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string? state;
        do
        {
            await Task.Delay(100, Ct);
            using var connection = storage.GetConnection();
            state = connection.GetStateData(jobId)?.Name;
        }
        while (state != wanted && DateTime.UtcNow < deadline);

        return state;
    }
}
