using System.Diagnostics;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Jobs;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;

namespace PracticeSuite.Bench.Messaging;

/// <summary>
/// 10,000 trivial Hangfire jobs (a static method that counts) drained by one job server: enqueued first, then the
/// server started and timed until the storage reports every job Succeeded. The product's storages are made by the
/// product's own <see cref="PracticeJobStorage"/> (the options the host runs with); Hangfire's in-memory storage
/// runs beside them in the same run as the reference: what the engine costs without a database.
/// </summary>
public sealed class JobsDrainBenchmark(string postgresAdmin, int jobs, IReadOnlyList<int> workerCounts)
{
    private static int _ran;

    public static void Trivial() => Interlocked.Increment(ref _ran);

    public async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DatabaseProvider> providers)
    {
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        var figures = new List<Figure>();
        foreach (var workers in workerCounts)
        {
            figures.Add(await DrainAsync("InMemory", workers, () => Task.FromResult<(JobStorage, IAsyncDisposable?)>((new InMemoryStorage(), null))));
            foreach (var provider in providers)
            {
                figures.Add(await DrainAsync(provider.ToString(), workers, async () =>
                {
                    var database = await TestDatabase.CreateAsync(provider, postgresAdmin, "jobs");
                    var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
                    var practice = PracticeDatabase.FromConfiguration(configuration, AppContext.BaseDirectory);
                    var storage = new PracticeJobStorage(practice, Options.Create(new JobsOptions()));
                    return (storage.Storage, new Disposer(storage, practice, database));
                }));
            }
        }

        return figures;
    }

    private async Task<Figure> DrainAsync(string name, int workers, Func<Task<(JobStorage Storage, IAsyncDisposable? Owner)>> create)
    {
        var (storage, owner) = await create();
        try
        {
            _ran = 0;
            var client = new BackgroundJobClient(storage);
            var enqueue = Stopwatch.StartNew();
            for (var i = 0; i < jobs; i++)
            {
                client.Enqueue(() => Trivial());
            }

            enqueue.Stop();
            var monitoring = storage.GetMonitoringApi();
            var drain = Stopwatch.StartNew();
            TimeSpan? allRan = null;
            using (var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = workers, ServerName = $"bench-{name}-{workers}" }, storage))
            {
                while (monitoring.GetStatistics().Succeeded < jobs)
                {
                    if (allRan is null && Volatile.Read(ref _ran) >= jobs)
                    {
                        allRan = drain.Elapsed;
                    }

                    if (drain.Elapsed > TimeSpan.FromMinutes(3))
                    {
                        var statistics = monitoring.GetStatistics();
                        throw new TimeoutException($"{name}: after 3 minutes {_ran} of {jobs} jobs ran; the storage counts " +
                            $"{statistics.Succeeded} succeeded, {statistics.Enqueued} enqueued, {statistics.Processing} processing, {statistics.Failed} failed, {statistics.Scheduled} scheduled.");
                    }

                    await Task.Delay(20);
                }

                drain.Stop();
                allRan ??= drain.Elapsed;
                server.SendStop();
            }

            if (_ran != jobs || monitoring.FailedCount() != 0)
            {
                throw new InvalidOperationException($"{name}: {_ran} runs for {jobs} jobs, {monitoring.FailedCount()} failed.");
            }

            var rate = jobs / drain.Elapsed.TotalSeconds;
            Console.WriteLine($"[jobs] {name,-8} {workers,2} workers: enqueued {jobs:#,0} in {enqueue.Elapsed.TotalSeconds:0.00} s ({jobs / enqueue.Elapsed.TotalSeconds:#,0}/s); " +
                $"all ran after {allRan.Value.TotalSeconds:0.00} s; all recorded Succeeded after {drain.Elapsed.TotalSeconds:0.00} s = {rate:#,0} jobs/s");
            return new Figure($"{name}: {jobs:#,0} trivial jobs drained, {workers} workers", rate, "jobs/s", null, true,
                $"enqueue {jobs / enqueue.Elapsed.TotalSeconds:#,0}/s");
        }
        finally
        {
            if (owner is not null)
            {
                await owner.DisposeAsync();
            }
        }
    }

    private sealed class Disposer(PracticeJobStorage storage, PracticeDatabase practice, TestDatabase database) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            storage.Dispose();
            await practice.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
