// The test reads Gamma's table by its model-derived name; no value is interpolated.
#pragma warning disable EF1003

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autofac;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Platform.Jobs;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// Work a command asks for later (<see cref="ModuleDbContext.RunLater"/>): written to the outbox with the change,
/// handed to Hangfire by the relay, run once — not at all when the change rolls back, once when handed over twice.
/// Test module Gamma's <c>RequestSlip</c> asks for <c>PrintSlip</c>, which adds one slip row per run.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class DeferredWorkTests(HostFixture host) : IClassFixture<HostFixture>
{
    // Gamma's deferred command as the outbox names it (Gamma is loaded, not referenced).
    private const string PrintSlipType = "command:PracticeSuite.Modules.Gamma.PrintSlip, PracticeSuite.Modules.Gamma";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Work_asked_for_by_a_command_runs_once_as_a_job_after_the_command_commits()
    {
        var slipId = Guid.NewGuid();
        var client = host.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/gamma/slips", new { slipId, label = "receipt for Ada" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        Assert.True(await WaitForSlipAsync(slipId) == 1, await DiagnoseAsync(slipId));
        var message = await WithGammaAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Payload.Contains(slipId.ToString()), Ct));
        Assert.Equal(PrintSlipType, message.Type);
        Assert.NotNull(message.RelayedAt);
        // The job left its mark in Gamma's inbox, as already processed, so a second hand-over does nothing.
        var mark = await WithGammaAsync(db => db.Inbox.AsNoTracking().SingleAsync(m => m.MessageId == message.Id, Ct));
        Assert.NotNull(mark.ProcessedAt);
        // Hangfire records the job as succeeded just after the job's own transaction committed the slip: wait for it.
        var monitoring = host.Factory.Container.Resolve<JobStorage>().GetMonitoringApi();
        bool Succeeded() => monitoring.SucceededJobs(0, 100).Any(job => job.Value.Job.Type == typeof(DeferredCommandJob) && (Guid)job.Value.Job.Args[2] == message.Id);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Succeeded() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(Succeeded(), "the job that printed the slip is not among Hangfire's succeeded jobs");
    }

    [Fact]
    public async Task Work_asked_for_by_a_command_that_rolls_back_is_never_written_or_run()
    {
        var doomed = Guid.NewGuid();
        var later = Guid.NewGuid();
        var client = host.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/gamma/slips", new { slipId = doomed, label = "rollback-this" }, Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await client.PostAsJsonAsync("/api/gamma/slips", new { slipId = later, label = "after the rollback" }, Ct);

        Assert.True(await WaitForSlipAsync(later) == 1, await DiagnoseAsync(later));
        Assert.Equal(0, await WithGammaAsync(db => db.Outbox.CountAsync(m => m.Payload.Contains(doomed.ToString()), Ct)));
        Assert.Equal(0, await WithGammaAsync(db => db.Slips.CountAsync(s => s.SlipId == doomed, Ct)));
    }

    [Fact]
    public async Task A_job_handed_over_twice_at_once_runs_its_command_once()
    {
        var slipId = Guid.NewGuid();
        var messageId = Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(new { slipId, label = "twice" }, IntegrationEventNames.Json);

        // Two workers running the same hand-over side by side: one commits, the other finds the mark and stops.
        await Task.WhenAll(RunDeferredAsync(messageId, payload), RunDeferredAsync(messageId, payload));
        await RunDeferredAsync(messageId, payload); // and once more, later

        Assert.Equal(1, await WithGammaAsync(db => db.Slips.CountAsync(s => s.SlipId == slipId, Ct)));
    }

    [Fact]
    public async Task A_failed_run_leaves_no_mark_so_the_retry_runs_the_command()
    {
        var slipId = Guid.NewGuid();
        var messageId = Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(new { slipId, label = "flaky-printer" }, IntegrationEventNames.Json);

        // "flaky-" slips fail their first two runs (as Hangfire's retries would see them).
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunDeferredAsync(messageId, payload));
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunDeferredAsync(messageId, payload));
        Assert.False(await WithGammaAsync(db => db.Inbox.AnyAsync(m => m.MessageId == messageId, Ct)));
        await RunDeferredAsync(messageId, payload);

        Assert.Equal(1, await WithGammaAsync(db => db.Slips.CountAsync(s => s.SlipId == slipId, Ct)));
        Assert.True(await WithGammaAsync(db => db.Inbox.AnyAsync(m => m.MessageId == messageId && m.ProcessedAt != null, Ct)));
    }

    [Fact]
    public async Task A_module_may_not_run_another_modules_command_later()
    {
        var error = await WithModuleAsync("Alpha", db =>
        {
            var command = Activator.CreateInstance(Type.GetType(PrintSlipType["command:".Length..])!, Guid.NewGuid(), "not Alpha's")!;
            return Task.FromResult(Assert.Throws<InvalidOperationException>(() => db.RunLater((SharedKernel.Messaging.ICommand)command)));
        });

        Assert.StartsWith("PrintSlip is not a command of module Alpha", error.Message);
    }

    /// <summary>Runs the job as Hangfire would: in its own lifetime scope.</summary>
    private async Task RunDeferredAsync(Guid messageId, string payload)
    {
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        var job = ActivatorUtilities.CreateInstance<DeferredCommandJob>(scope.Resolve<IServiceProvider>());
        await job.RunAsync("Gamma", "PrintSlip", messageId, PrintSlipType, payload, "test", null, Ct);
    }

    /// <summary>Where a slip that was not printed got to: its outbox row, the job engine's counts, the host's warnings.</summary>
    private async Task<string> DiagnoseAsync(Guid slipId)
    {
        var outbox = await WithGammaAsync(db => db.Outbox.AsNoTracking().Where(m => m.Payload.Contains(slipId.ToString())).ToListAsync(Ct));
        var monitoring = host.Factory.Container.Resolve<JobStorage>().GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        var warnings = host.Factory.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).TakeLast(20).Select(e => $"{e.Category}: {e.Message}");
        return $"outbox rows: {string.Join(", ", outbox.Select(m => $"{m.Type} relayed {m.RelayedAt:O}"))}; " +
            $"jobs enqueued {statistics.Enqueued}, processing {statistics.Processing}, scheduled {statistics.Scheduled}, failed {statistics.Failed}, succeeded {statistics.Succeeded}, servers {statistics.Servers}; " +
            $"failed: {string.Join(" | ", monitoring.FailedJobs(0, 5).Select(j => j.Value.ExceptionMessage))}; " +
            $"retrying: {string.Join(" | ", monitoring.ScheduledJobs(0, 5).Select(j => monitoring.JobDetails(j.Key).History.FirstOrDefault(h => h.StateName == "Failed") is { } failure ? failure.Data["ExceptionType"] + ": " + failure.Data["ExceptionMessage"] : "?"))}\n{string.Join("\n", warnings)}";
    }

    private async Task<int> WaitForSlipAsync(Guid slipId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        int count;
        do
        {
            await Task.Delay(100, Ct);
            count = await WithGammaAsync(db => db.Slips.CountAsync(s => s.SlipId == slipId, Ct));
        }
        while (count == 0 && DateTime.UtcNow < deadline);

        return count;
    }

    private Task<T> WithGammaAsync<T>(Func<GammaView, Task<T>> read) =>
        WithModuleAsync("Gamma", db => read(new GammaView(db)));

    private Task<T> WithModuleAsync<T>(string module, Func<ModuleDbContext, Task<T>> work) =>
        host.Factory.InScopeAsync(scope => work(scope.ResolveKeyed<ModuleDbContext>(module)));

    /// <summary>Gamma's tables through its base context (the test does not reference Gamma).</summary>
    private sealed class GammaView(ModuleDbContext db)
    {
        public DbSet<OutboxMessage> Outbox => db.Outbox;

        public DbSet<InboxMessage> Inbox => db.Inbox;

        public IQueryable<SlipRow> Slips => db.Database.SqlQueryRaw<SlipRow>("SELECT \"SlipId\" FROM " + db.Naming.QualifiedTable("slips"));
    }

    private sealed class SlipRow
    {
        public Guid SlipId { get; set; }
    }
}
