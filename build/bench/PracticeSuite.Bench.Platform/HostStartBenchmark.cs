using System.Diagnostics;
using System.Net;

namespace PracticeSuite.Bench.Platform;

/// <summary>
/// Host start to healthy: the Release host started as its own process with <c>dotnet PracticeSuite.Host.dll</c>
/// on an already-migrated SQLite database, timed from <see cref="Process.Start()"/> to the first 200 from /health.
/// The same measurement runs on the stack floor (<c>PracticeSuite.Bench.StackFloor</c>) for comparison: then
/// <paramref name="label"/> names it and no goal applies.
/// </summary>
public sealed class HostStartBenchmark(string label, string hostAssembly, int runs, bool hasGoals)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] WarmUpPaths = ["/", "/health", "/openapi/v1.json"];
    private const int WarmUpRequests = 300;

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        if (!File.Exists(hostAssembly))
        {
            throw new InvalidOperationException($"{hostAssembly} does not exist; build/bench/run-platform.sh publishes it first.");
        }

        var dataFolder = HostPaths.NewScratchFolder("start");
        try
        {
            Console.WriteLine($"[start] {label}: {hostAssembly}");
            Console.WriteLine($"[start] data {dataFolder}");
            await MigrateAsync(hostAssembly, dataFolder);

            // The first start after the build pays for cold disk caches; it is not what an operator restarting sees.
            // It is used instead to read the separate process's resident set after a warm-up (no forced GC possible there:
            // the product has no endpoint for it, and a diagnostics session to induce one costs the process memory itself).
            var residentAfterWarmUp = await WarmStartAsync(hostAssembly, dataFolder);

            var samples = new List<double>();
            var listeningSamples = new List<double>();
            var cpuSamples = new List<double>();
            var firstAnswerSamples = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var (healthy, listening, firstAnswer, cpu) = await TimeStartToHealthyAsync(hostAssembly, dataFolder);
                samples.Add(healthy.TotalMilliseconds);
                listeningSamples.Add(listening.TotalMilliseconds);
                firstAnswerSamples.Add(firstAnswer.TotalMilliseconds);
                cpuSamples.Add(cpu.TotalMilliseconds);
                Console.WriteLine($"[start] run {run,2}: {healthy.TotalMilliseconds,7:0.0} ms to healthy " +
                    $"({listening.TotalMilliseconds,7:0.0} ms to the \"Now listening\" log line; the first answered request took {firstAnswer.TotalMilliseconds,5:0.0} ms; " +
                    $"host CPU time {cpu.TotalMilliseconds,7:0.0} ms)");
            }

            var median = Stats.Median(samples);
            Console.WriteLine($"[start] median {median:0.0} ms, min {samples.Min():0.0} ms, max {samples.Max():0.0} ms over {runs} runs; " +
                $"median to \"Now listening\" {Stats.Median(listeningSamples):0.0} ms; median first answered request {Stats.Median(firstAnswerSamples):0.0} ms; median host CPU time (user+system, all threads) {Stats.Median(cpuSamples):0.0} ms");
            Console.WriteLine($"[start] separate process after {WarmUpRequests} warm-up requests, no forced GC: {residentAfterWarmUp}");
            return
            [
                new Figure($"{label} start to healthy (median)", median / 1000, "s", hasGoals ? 1.5 : null, false,
                    $"median of {runs}, min {samples.Min() / 1000:0.000} s, max {samples.Max() / 1000:0.000} s"),
                new Figure($"{label}, separate process, VmRSS after warm-up", ProcMemory.Megabytes(residentAfterWarmUp.ResidentBytes), "MB", null, false,
                    $"/proc/<pid>/status after {WarmUpRequests} requests, no forced GC; anonymous {ProcMemory.Megabytes(residentAfterWarmUp.AnonymousBytes):0.0} MB"),
            ];
        }
        finally
        {
            HostPaths.DeleteQuietly(dataFolder);
        }
    }

    internal static async Task MigrateAsync(string hostAssembly, string dataFolder)
    {
        using var host = HostedProcess.Start(hostAssembly, dataFolder, HostPaths.FreeLoopbackPort(), "--migrate-only");
        using var timeout = new CancellationTokenSource(StartTimeout);
        await host.Process.WaitForExitAsync(timeout.Token);
        if (host.Process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`--migrate-only` exited with {host.Process.ExitCode}:\n{host.RecentOutput()}");
        }
    }

    private static async Task<ProcMemory> WarmStartAsync(string hostAssembly, string dataFolder)
    {
        var port = HostPaths.FreeLoopbackPort();
        using var host = HostedProcess.Start(hostAssembly, dataFolder, port);
        using var client = NewClient(port);
        try
        {
            await WaitUntilHealthyAsync(client, host);
            for (var i = 0; i < WarmUpRequests; i++)
            {
                using var response = await client.GetAsync(WarmUpPaths[i % WarmUpPaths.Length]);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Warm-up GET {WarmUpPaths[i % WarmUpPaths.Length]} answered {(int)response.StatusCode}.");
                }

                await response.Content.ReadAsByteArrayAsync();
            }

            return ProcMemory.Of(host.Process.Id);
        }
        finally
        {
            host.Kill();
        }
    }

    /// <summary>
    /// Time to the first 200 from /health; as a breakdown, time to the host's "Now listening" log line, how long the
    /// first request the host answered took (it builds the routing table), and the CPU time the host used until healthy
    /// (less sensitive than wall time to other work on a shared machine).
    /// </summary>
    private static async Task<(TimeSpan Healthy, TimeSpan Listening, TimeSpan FirstAnswer, TimeSpan Cpu)> TimeStartToHealthyAsync(string hostAssembly, string dataFolder)
    {
        var port = HostPaths.FreeLoopbackPort();
        using var client = NewClient(port);
        var started = Stopwatch.GetTimestamp();
        using var host = HostedProcess.Start(hostAssembly, dataFolder, port);
        try
        {
            var firstAnswer = await WaitUntilHealthyAsync(client, host);
            var healthy = Stopwatch.GetElapsedTime(started);
            host.Process.Refresh();
            var cpu = host.Process.TotalProcessorTime;
            return (healthy, host.ListeningAt is { } listeningAt ? Stopwatch.GetElapsedTime(started, listeningAt) : TimeSpan.Zero, firstAnswer, cpu);
        }
        finally
        {
            host.Kill();
        }
    }

    private static HttpClient NewClient(int port) =>
        new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Polls /health until it answers 200; returns how long the first request that got any answer took.</summary>
    private static async Task<TimeSpan> WaitUntilHealthyAsync(HttpClient client, HostedProcess host)
    {
        TimeSpan? firstAnswer = null;
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (host.Process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {host.Process.ExitCode} before it was healthy:\n{host.RecentOutput()}");
            }

            try
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync("/health");
                firstAnswer ??= Stopwatch.GetElapsedTime(sent);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return firstAnswer.Value;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"The host was not healthy within {StartTimeout}:\n{host.RecentOutput()}");
    }

}

/// <summary>The host as a child process in Production mode, its output drained (and the last lines kept for errors).</summary>
public sealed class HostedProcess : IDisposable
{
    private const int KeptLines = 60;
    private readonly Queue<string> _recent = new();

    private HostedProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>When the host's "Now listening on" line arrived through the pipe (a stopwatch timestamp).</summary>
    public long? ListeningAt { get; private set; }

    public static HostedProcess Start(string hostAssembly, string dataFolder, int port, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root (appsettings.json) is the working directory, as when an operator starts it there.
            WorkingDirectory = Path.GetDirectoryName(hostAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Accounts__PublicUrl"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = dataFolder;

        var hosted = new HostedProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet."));
        hosted.Process.OutputDataReceived += (_, e) => hosted.Keep(e.Data);
        hosted.Process.ErrorDataReceived += (_, e) => hosted.Keep(e.Data);
        hosted.Process.BeginOutputReadLine();
        hosted.Process.BeginErrorReadLine();
        return hosted;
    }

    public string RecentOutput()
    {
        lock (_recent)
        {
            return string.Join(Environment.NewLine, _recent);
        }
    }

    public void Kill()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        Process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_recent)
        {
            if (ListeningAt is null && line.Contains("Now listening on", StringComparison.Ordinal))
            {
                ListeningAt = Stopwatch.GetTimestamp();
            }

            _recent.Enqueue(line);
            while (_recent.Count > KeptLines)
            {
                _recent.Dequeue();
            }
        }
    }
}
