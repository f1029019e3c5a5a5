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
}
