using Microsoft.Extensions.Hosting;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;

namespace PracticeSuite.Bench.Messaging;

/// <summary>
/// Commit-to-handled at idle: the host is started (wake-up worker and Hangfire sweep job running, as shipped), a real
/// <c>RecordVisit</c> is posted to <c>/api/alpha/visits</c>, and the harness polls Gamma's receipts for that
/// visit every millisecond until the receipt is committed. One sample at a time, the host idle between them.
/// </summary>
public sealed class LatencyBenchmark(DatabaseProvider provider, string postgresAdmin, int samples)
{
    private const int WarmUpSamples = 10;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgresAdmin, "bench");
        var port = FreeLoopbackPort();
        await using var host = await BenchHost.CreateAsync(database, ["--Messaging:WakeOnCommit=true", $"--urls=http://127.0.0.1:{port}"]);
        await host.App.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            for (var i = 0; i < WarmUpSamples; i++)
            {
                await SampleAsync(host, client, $"warm-up-{i}");
            }

            var afterResponse = new List<double>();
            var afterRequestStart = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var (fromStart, fromResponse) = await SampleAsync(host, client, $"bench-{i}");
                afterRequestStart.Add(fromStart);
                afterResponse.Add(fromResponse);
            }

            var receipts = await host.CountReceiptsAsync();
            if (receipts != WarmUpSamples + samples)
            {
                throw new InvalidOperationException($"Gamma holds {receipts} receipts; expected {WarmUpSamples + samples}.");
            }

            Console.WriteLine($"[latency] {provider}: {samples} samples, command response → receipt committed: " +
                $"median {Stats.Median(afterResponse):0.0} ms, p95 {Stats.Percentile(afterResponse, 95):0.0} ms, max {afterResponse.Max():0.0} ms");
            Console.WriteLine($"[latency] {provider}: request start → receipt committed: " +
                $"median {Stats.Median(afterRequestStart):0.0} ms, p95 {Stats.Percentile(afterRequestStart, 95):0.0} ms");
            return
            [
                new($"{provider}: commit → handled at idle, median of {samples}", Stats.Median(afterResponse) / 1000, "s", 0.05, false,
                    $"p95 {Stats.Percentile(afterResponse, 95):0.0} ms, max {afterResponse.Max():0.0} ms (from the command's HTTP response)"),
                new($"{provider}:   request start → handled, median", Stats.Median(afterRequestStart) / 1000, "s", null, false,
                    $"p95 {Stats.Percentile(afterRequestStart, 95):0.0} ms (includes the command itself)"),
            ];
        }
        finally
        {
            await host.App.StopAsync();
        }
    }

    private static async Task<(double FromStartMs, double FromResponseMs)> SampleAsync(BenchHost host, HttpClient client, string visitorName)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.PostAsJsonAsync("/api/alpha/visits", new { visitorName, fee = 60.00m, currency = "EUR" });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/alpha/visits answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var created = await response.Content.ReadFromJsonAsync<Created>() ?? throw new InvalidOperationException("No visit id in the response.");
        // The command's transaction committed before the response was written: time from here on is messaging.
        var responded = Stopwatch.GetTimestamp();
        while (await host.CountReceiptsOfVisitAsync(created.Id) == 0)
        {
            if (Stopwatch.GetElapsedTime(responded) > GiveUpAfter)
            {
                throw new InvalidOperationException($"Gamma did not handle visit {created.Id} within {GiveUpAfter.TotalSeconds} s.");
            }

            await Task.Delay(1);
        }

        var handled = Stopwatch.GetTimestamp();
        // Let the worker finish its pass and go idle: each sample starts from an idle host.
        await Task.Delay(50);
        return (Stopwatch.GetElapsedTime(start, handled).TotalMilliseconds, Stopwatch.GetElapsedTime(responded, handled).TotalMilliseconds);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Created(Guid Id);
}
