using System.Net.Http.Json;
using System.Text.Json;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// The host runs as a separate process and is killed with SIGKILL at a messaging step (by test module
/// Crash); after a restart, the committed event's effect exists exactly once.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = HostProcess.StartTimeout;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData("OutboxCommitted")] // the command committed; nothing relayed yet
    [InlineData("Relayed")]         // the relay committed; nothing handled yet
    [InlineData("InboxBatchHandled")] // the handler ran; its transaction had not committed
    public async Task An_event_committed_before_a_kill_is_handled_exactly_once_after_restart(string step)
    {
        var visitor = $"crash-{step}";
        var marker = Path.Combine(_database.DataDirectory, $"{step}.killed");

        await using (var doomed = await HostProcess.StartAsync(Arguments("--Modules:Crash:Enabled=true", $"--Modules:Crash:At={step}", $"--Modules:Crash:Marker={marker}"), StartTimeout))
        {
            try
            {
                await doomed.Client.PostAsJsonAsync("/api/alpha/visits", new { visitorName = visitor, fee = 30m, currency = "EUR" }, TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                // Killed before it could answer: expected when the step comes right after the commit.
            }

            var exitCode = await doomed.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(137, exitCode); // 128 + SIGKILL: no shutdown code ran
            Assert.True(File.Exists(marker), doomed.Output);
        }

        await using var restarted = await HostProcess.StartAsync(Arguments(), StartTimeout);
        var visits = await restarted.Client.GetFromJsonAsync<JsonElement>("/api/alpha/visits", TestContext.Current.CancellationToken);
        var visitId = visits.EnumerateArray().Single(v => v.GetProperty("visitorName").GetString() == visitor).GetProperty("id").GetGuid();

        // A later event, handled after the recovered one: by then any second handling would have happened too.
        var later = await restarted.Client.PostAsJsonAsync("/api/alpha/visits", new { visitorName = visitor + "-later", fee = 1m, currency = "EUR" }, TestContext.Current.CancellationToken);
        var laterId = (await later.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var receipts = await WaitForReceiptsAsync(restarted, [visitId, laterId]);

        Assert.Equal(1, receipts[visitId]);
        Assert.Equal(1, receipts[laterId]);
    }

    [Theory]
    [InlineData("OutboxCommitted")] // the command committed; its work not handed to Hangfire yet
    [InlineData("JobsHandedOver")]  // the job enqueued; the relay had not marked it, so it is handed over again
    public async Task Work_asked_for_by_a_command_committed_before_a_kill_is_done_exactly_once_after_restart(string step)
    {
        var slipId = Guid.NewGuid();
        var marker = Path.Combine(_database.DataDirectory, $"slip-{step}.killed");

        await using (var doomed = await HostProcess.StartAsync(Arguments("--Modules:Crash:Enabled=true", $"--Modules:Crash:At={step}", $"--Modules:Crash:Marker={marker}"), StartTimeout))
        {
            try
            {
                await doomed.Client.PostAsJsonAsync("/api/gamma/slips", new { slipId, label = $"crash-{step}" }, TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                // Killed before it could answer.
            }

            Assert.Equal(137, await doomed.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.True(File.Exists(marker), doomed.Output);
        }

        await using var restarted = await HostProcess.StartAsync(Arguments(), StartTimeout);
        var laterId = Guid.NewGuid();
        await restarted.Client.PostAsJsonAsync("/api/gamma/slips", new { slipId = laterId, label = "after the crash" }, TestContext.Current.CancellationToken);
        var slips = await WaitForSlipsAsync(restarted, [slipId, laterId]);

        // The later slip is printed at once; by the time the recovered one is too (at the next sweep), so is any copy.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        slips = await WaitForSlipsAsync(restarted, [slipId, laterId]);
        Assert.Equal(1, slips[slipId]);
        Assert.Equal(1, slips[laterId]);
    }

    private static async Task<Dictionary<Guid, int>> WaitForSlipsAsync(RunningHost host, IReadOnlyCollection<Guid> slipIds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var slips = (await host.Client.GetFromJsonAsync<JsonElement>("/api/gamma/slips")).EnumerateArray()
                .ToDictionary(s => s.GetProperty("slipId").GetGuid(), s => s.GetProperty("count").GetInt32());
            if (slipIds.All(slips.ContainsKey) || DateTime.UtcNow > deadline)
            {
                Assert.True(slipIds.All(slips.ContainsKey), $"Not every slip was printed within 90 s:\n{host.Output}");
                return slips;
            }

            await Task.Delay(200);
        }
    }

    private IEnumerable<string> Arguments(params string[] extra) =>
        _database.HostArguments
            .Concat(["--Modules:Alpha:Enabled=true", "--Modules:Beta:Enabled=true", "--Modules:Gamma:Enabled=true", "--Messaging:SweepInterval=00:00:15"])
            .Concat(extra);

    /// <summary>Polls Gamma until every visit has a receipt (the sweep runs every second), then returns the counts.</summary>
    internal static async Task<Dictionary<Guid, int>> WaitForReceiptsAsync(RunningHost host, IReadOnlyCollection<Guid> visitIds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var received = await host.Client.GetFromJsonAsync<JsonElement>("/api/gamma/received");
            var counts = received.EnumerateArray()
                .GroupBy(r => r.GetProperty("visitId").GetGuid())
                .ToDictionary(g => g.Key, g => g.Sum(r => r.GetProperty("count").GetInt32()));
            if (visitIds.All(counts.ContainsKey) || DateTime.UtcNow > deadline)
            {
                Assert.True(visitIds.All(counts.ContainsKey), $"Not every visit was handled within a minute:\n{host.Output}");
                return counts;
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>
/// Two host processes on one PostgreSQL database share the work; one is killed in the middle of handling.
/// Every committed event's effect still exists exactly once.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Two_nodes_one_killed_mid_run_still_handle_every_event_exactly_once()
    {
        Assert.SkipWhen(_database.Provider != DatabaseProvider.Postgres, "Two nodes need a database server: build/test.sh runs this on PostgreSQL.");
        var marker = Path.Combine(_database.DataDirectory, "node-a.killed");
        var common = _database.HostArguments
            .Concat(["--Modules:Alpha:Enabled=true", "--Modules:Beta:Enabled=true", "--Modules:Gamma:Enabled=true", "--Messaging:SweepInterval=00:00:15"])
            .ToList();

        // Migrate once, so the two nodes do not race to create the schema.
        var migrated = await HostProcess.RunToExitAsync(common.Append("--migrate-only"), HostProcess.StartTimeout);
        Assert.True(migrated.ExitCode == 0, migrated.StandardError);

        await using var nodeA = await HostProcess.StartAsync(common.Concat(["--Modules:Crash:Enabled=true", "--Modules:Crash:At=InboxBatchHandled", $"--Modules:Crash:Marker={marker}"]), HostProcess.StartTimeout);
        await using var nodeB = await HostProcess.StartAsync(common, HostProcess.StartTimeout);

        for (var i = 0; i < 40; i++)
        {
            var node = i % 2 == 0 || nodeA.Process.HasExited ? nodeB : nodeA;
            try
            {
                await node.Client.PostAsJsonAsync("/api/alpha/visits", new { visitorName = $"cluster-{i}", fee = 5m, currency = "EUR" }, TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                // Node A died while this request was in flight; whether it committed is read back below.
            }
        }

        Assert.Equal(137, await nodeA.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        var visits = await nodeB.Client.GetFromJsonAsync<JsonElement>("/api/alpha/visits", TestContext.Current.CancellationToken);
        var committed = visits.EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToList();
        Assert.True(committed.Count >= 20, $"only {committed.Count} visits committed");

        var receipts = await CrashRecoveryTests.WaitForReceiptsAsync(nodeB, committed);
        Assert.All(committed, id => Assert.Equal(1, receipts[id]));
        Assert.Equal(committed.Count, receipts.Count);
    }
}
