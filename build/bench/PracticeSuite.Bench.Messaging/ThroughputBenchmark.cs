using System.Diagnostics;
using Autofac;
using PracticeSuite.Platform.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;

namespace PracticeSuite.Bench.Messaging;

/// <summary>
/// Outbox → inbox → handled throughput on a backlog: the host is composed and migrated but not started, so
/// neither the wake-up worker nor the sweep job runs, and the harness alone drives <see cref="MessagePump"/>.
/// One fresh database per batch setting (relay and inbox batch sizes).
/// </summary>
public sealed class ThroughputBenchmark(DatabaseProvider provider, string postgresAdmin, int events, IReadOnlyList<BatchSetting> batchSizes, bool split)
{
    private const int WarmUpEvents = 10_000;

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        var goal = provider == DatabaseProvider.Postgres ? 10_000 : 5_000;
        var results = new List<(BatchSetting BatchSize, double EndToEnd, double? RelayOnly, double? HandleOnly)>();
        foreach (var batchSize in batchSizes)
        {
            results.Add(await RunOneAsync(batchSize));
        }

        var best = results.MaxBy(r => r.EndToEnd);
        var figures = new List<Figure>
        {
            new($"{provider}: outbox → handled, {events:#,0} backlog, best", best.EndToEnd, "events/s", goal, true,
                $"batch size {best.BatchSize} (tried {string.Join(", ", results.Select(r => $"{r.BatchSize}: {r.EndToEnd:#,0}"))})"),
        };
        if (best.RelayOnly is { } relayOnly && best.HandleOnly is { } handleOnly)
        {
            figures.Add(new($"{provider}:   relay only (outbox → inbox)", relayOnly, "events/s", null, true, $"batch size {best.BatchSize}"));
            figures.Add(new($"{provider}:   handle only (inbox → receipt)", handleOnly, "events/s", null, true, $"batch size {best.BatchSize}"));
        }

        return figures;
    }

    private async Task<(BatchSetting BatchSize, double EndToEnd, double? RelayOnly, double? HandleOnly)> RunOneAsync(BatchSetting batchSize)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgresAdmin, "bench");
        await using var host = await BenchHost.CreateAsync(database,
        [
            "--Messaging:WakeOnCommit=false",
            $"--Messaging:RelayBatchSize={batchSize.Relay}",
            $"--Messaging:InboxBatchSize={batchSize.Inbox}",
        ]);
        var pump = host.Root.Resolve<MessagePump>();

        // Warm-up: JIT, connection pools, EF's query caches.
        await host.SeedOutboxAsync(WarmUpEvents, "warm-up");
        await pump.RunUntilIdleAsync(CancellationToken.None);
        var expected = WarmUpEvents;
        await VerifyAsync(host, expected);

        var seeding = Stopwatch.StartNew();
        await host.SeedOutboxAsync(events, "bench");
        seeding.Stop();

        var clock = Stopwatch.StartNew();
        var moved = await pump.RunUntilIdleAsync(CancellationToken.None);
        clock.Stop();
        expected += events;
        await VerifyAsync(host, expected);
        var endToEnd = events / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"[throughput] {provider} batch {batchSize,9}: seeded {events:#,0} outbox rows in {seeding.Elapsed.TotalSeconds:0.00} s; " +
            $"RunUntilIdleAsync moved {moved:#,0} (relayed + handled) in {clock.Elapsed.TotalSeconds:0.00} s = {endToEnd:#,0} events/s end to end");

        double? relayOnly = null, handleOnly = null;
        if (split)
        {
            // The same backlog again, one step at a time: every batch relayed first, then every batch handled.
            await host.SeedOutboxAsync(events, "split");
            var relay = host.Root.Resolve<OutboxRelay>();
            var inbox = host.Root.Resolve<InboxProcessor>();
            clock.Restart();
            while (await relay.RelayBatchAsync(BenchHost.Producer, batchSize.Relay, CancellationToken.None) > 0)
            {
            }

            var relayTime = clock.Elapsed;
            clock.Restart();
            while (await inbox.ProcessBatchAsync(BenchHost.Subscriber, CancellationToken.None) > 0)
            {
            }

            var handleTime = clock.Elapsed;
            expected += events;
            await VerifyAsync(host, expected);
            relayOnly = events / relayTime.TotalSeconds;
            handleOnly = events / handleTime.TotalSeconds;
            Console.WriteLine($"[throughput] {provider} batch {batchSize,9}: relay only {relayTime.TotalSeconds:0.00} s = {relayOnly:#,0} events/s; " +
                $"handle only {handleTime.TotalSeconds:0.00} s = {handleOnly:#,0} events/s (on top of the {expected - events:#,0} rows already there)");
        }

        return (batchSize, endToEnd, relayOnly, handleOnly);
    }

    /// <summary>Every event relayed, handled exactly once (one receipt each), none parked.</summary>
    private static async Task VerifyAsync(BenchHost host, int expectedReceipts)
    {
        var receipts = await host.CountReceiptsAsync();
        var unrelayed = await host.CountUnrelayedOutboxAsync();
        var unprocessed = await host.CountUnprocessedInboxAsync();
        var parked = await host.CountParkedInboxAsync();
        if (receipts != expectedReceipts || unrelayed != 0 || unprocessed != 0 || parked != 0)
        {
            throw new InvalidOperationException(
                $"The pump did not finish cleanly: {receipts:#,0} receipts (expected {expectedReceipts:#,0}), {unrelayed} unrelayed, {unprocessed} unprocessed, {parked} parked.");
        }
    }
}

/// <summary>Relay and inbox batch sizes: "2000" sets both, "500/200" (the shipped defaults) sets relay/inbox.</summary>
public sealed record BatchSetting(int Relay, int Inbox)
{
    public static BatchSetting Parse(string text)
    {
        var parts = text.Split('/');
        var relay = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        return new(relay, parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : relay);
    }

    public override string ToString() => Relay == Inbox ? $"{Relay}" : $"{Relay}/{Inbox}";
}
