using System.Diagnostics;
using System.Text;

namespace PracticeSuite.Testing;

/// <summary>Runs the built host as a separate process, the way an operator starts it.</summary>
public static class HostProcess
{
    /// <summary>The host's entry assembly, beside the test's own binaries (with the test modules staged next to it).</summary>
    public static string HostAssembly => Path.Combine(AppContext.BaseDirectory, "PracticeSuite.Host.dll");

    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Starts the host with <paramref name="arguments"/> and waits for it to exit (it must, within the timeout).</summary>
    public static async Task<Outcome> RunToExitAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = StartInfo(arguments);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit within {timeout}. Output:\n{output}\n{error}");
        }

        process.WaitForExit();
        return new Outcome(process.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// How long a host process may take to become healthy: a few seconds on a quiet machine, but the whole suite runs
    /// two test projects at once on two cores, and a start under that load has taken over a minute.
    /// </summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Starts the host on a free loopback port and waits until /health answers 200 there. <paramref name="alsoListenOn"/>
    /// adds addresses to listen on besides it (an https:// one, say).
    /// </summary>
    public static async Task<RunningHost> StartAsync(IEnumerable<string> arguments, TimeSpan timeout, params string[] alsoListenOn)
    {
        var port = FreePort();
        var start = StartInfo(arguments.Append("--urls=" + string.Join(';', alsoListenOn.Prepend($"http://127.0.0.1:{port}"))));
        var host = new RunningHost(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await host.WaitUntilHealthyAsync(timeout);
        return host;
    }

    /// <summary><c>dotnet PracticeSuite.Host.dll</c> with its output captured, in the Testing environment.</summary>
    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Accounts__PublicUrl"] = "http://localhost"; // required outside Development; an argument overrides it
        return start;
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A host process under test: its address, its output, and ways to stop it hard.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly StringBuilder _output = new();

    public RunningHost(Process process, Uri address)
    {
        Process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {Process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The host was not healthy within {timeout}:\n{Output}");
    }

    /// <summary>Waits for the process to end on its own (for example, killed by a crash hook).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await Process.WaitForExitAsync(cancellation.Token);
        return Process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        Process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
