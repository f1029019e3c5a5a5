using System.Reflection;
using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Host.Jobs;
using PracticeSuite.Host.Persistence;
using PracticeSuite.Testing;
using Quartz;
using Xunit;

namespace PracticeSuite.Platform.Tests;

[Trait("Category", "Persistence")]
public sealed class JobsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Declared_jobs_are_scheduled_and_a_disabled_modules_jobs_are_removed_at_start_up()
    {
        await using var database = await TestDatabase.CreateAsync();
        var sameScheduler = SameScheduler();
        await using (var withGamma = new PracticeSuiteFactory(database, sameScheduler))
        {
            var jobs = await JobKeysAsync(withGamma);
            Assert.Contains("Gamma.count-receipts", jobs);
            Assert.Contains("Platform.messaging-sweep", jobs);
        }

        await using var withoutGamma = new PracticeSuiteFactory(database, new Dictionary<string, string?>(sameScheduler) { ["Modules:Gamma:Enabled"] = "false" });
        var remaining = await JobKeysAsync(withoutGamma);
        Assert.DoesNotContain("Gamma.count-receipts", remaining);
        Assert.Contains("Platform.messaging-sweep", remaining);
    }

    [Fact]
    public async Task A_restart_leaves_an_unchanged_job_alone_and_reschedules_a_changed_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        var sweep = new TriggerKey("messaging-sweep", "Platform");
        var sameScheduler = SameScheduler();
        DateTimeOffset firstStart;
        await using (var first = new PracticeSuiteFactory(database, sameScheduler))
        {
            firstStart = (await (await first.Services.GetRequiredServiceAsync(Ct)).GetTrigger(sweep, Ct))!.StartTimeUtc;
        }

        await Task.Delay(1100, Ct); // a rescheduled trigger would start at least a second later
        await using (var unchanged = new PracticeSuiteFactory(database, sameScheduler))
        {
            var trigger = (ISimpleTrigger)(await (await unchanged.Services.GetRequiredServiceAsync(Ct)).GetTrigger(sweep, Ct))!;
            Assert.Equal(firstStart, trigger.StartTimeUtc);
        }

        await using var changed = new PracticeSuiteFactory(database, new Dictionary<string, string?>(sameScheduler) { ["Messaging:SweepInterval"] = "00:00:42" });
        var rescheduled = (ISimpleTrigger)(await (await changed.Services.GetRequiredServiceAsync(Ct)).GetTrigger(sweep, Ct))!;
        Assert.Equal(TimeSpan.FromSeconds(42), rescheduled.RepeatInterval);
        Assert.True(rescheduled.StartTimeUtc > firstStart);
    }

    [Fact]
    public async Task A_job_run_is_recorded_with_its_outcome_and_next_run()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PracticeSuiteFactory(database);
        var scheduler = await host.Services.GetRequiredServiceAsync(Ct);
        await scheduler.TriggerJob(new JobKey("count-receipts", "Gamma"), Ct);

        var overview = host.Container.Resolve<JobOverview>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JobStatus status;
        do
        {
            await Task.Delay(100, Ct);
            status = (await overview.ListAsync(Ct)).Single(j => j.Group == "Gamma" && j.Name == "count-receipts");
        }
        while (status.TotalRuns == 0 && DateTime.UtcNow < deadline);

        Assert.Equal("Succeeded", status.LastOutcome);
        Assert.True(status.TotalRuns >= 1);
        Assert.Equal(0, status.ConsecutiveFailures);
        Assert.NotNull(status.NextRun);
        Assert.Equal("Counts the receipts Gamma holds (a test job).", status.Description);
    }

    [Fact]
    public async Task Failed_runs_are_counted_with_their_error_until_a_run_succeeds()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PracticeSuiteFactory(database);
        var recorder = host.Container.Resolve<JobRunRecorder>();
        var key = new JobKey("recorded-by-hand", "Tests");
        var context = JobContextOf(key);

        await recorder.JobToBeExecuted(context, Ct);
        await recorder.JobWasExecuted(context, new JobExecutionException(new InvalidOperationException("The mail server refused the login.")), Ct);
        await recorder.JobToBeExecuted(context, Ct);
        await recorder.JobWasExecuted(context, new JobExecutionException(new InvalidOperationException(new string('x', 5000))), Ct);
        var failing = await RunOfAsync(host, key);
        Assert.Equal(("Failed", 2, 2, 2), (failing.LastOutcome, failing.ConsecutiveFailures, failing.TotalRuns, failing.TotalFailures));
        Assert.Equal(JobRunRecorder.MaxErrorLength, failing.LastError!.Length);
        Assert.NotNull(failing.LastStartedAt);
        Assert.Equal(DateTimeKind.Utc, failing.LastFinishedAt!.Value.Kind);

        await recorder.JobToBeExecuted(context, Ct);
        await recorder.JobWasExecuted(context, null, Ct);
        var recovered = await RunOfAsync(host, key);
        Assert.Equal(("Succeeded", 0, 3, 2), (recovered.LastOutcome, recovered.ConsecutiveFailures, recovered.TotalRuns, recovered.TotalFailures));
        Assert.Null(recovered.LastError);
        Assert.True(recovered.LastFinishedAt >= failing.LastFinishedAt);
    }

    /// <summary>A run's context as the recorder sees it: only the job's key is read.</summary>
    private static IJobExecutionContext JobContextOf(JobKey key)
    {
        var context = DispatchProxy.Create<IJobExecutionContext, JobContextStub>();
        ((JobContextStub)(object)context).JobDetail = JobBuilder.Create<CommandJob>().WithIdentity(key).Build();
        return context;
    }

    public class JobContextStub : DispatchProxy
    {
        public IJobDetail? JobDetail { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == "get_JobDetail" ? JobDetail : throw new NotSupportedException(targetMethod?.Name);
    }

    private static async Task<JobRun> RunOfAsync(PracticeSuiteFactory host, JobKey key)
    {
        await using var scope = host.Container.BeginLifetimeScope();
        return await scope.Resolve<PlatformDbContext>().JobRuns.AsNoTracking().SingleAsync(r => r.JobGroup == key.Group && r.JobName == key.Name, Ct);
    }

    /// <summary>Hosts started one after the other share a scheduler name, as one installation's restarts do.</summary>
    private static Dictionary<string, string?> SameScheduler() =>
        new() { [PracticeSuiteFactory.SchedulerNameSetting] = "PracticeSuite-restart-" + Guid.NewGuid().ToString("N") };

    private static async Task<HashSet<string>> JobKeysAsync(PracticeSuiteFactory host)
    {
        var scheduler = await host.Services.GetRequiredServiceAsync(Ct);
        var jobs = await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, Ct);
        return jobs.Items.Select(j => $"{j.Key.Group}.{j.Key.Name}").ToHashSet();
    }
}

internal static class SchedulerAccess
{
    public static Task<IScheduler> GetRequiredServiceAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ISchedulerFactory>(services).GetScheduler(cancellationToken).AsTask();
}
