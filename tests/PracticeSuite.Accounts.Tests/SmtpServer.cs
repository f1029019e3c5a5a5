using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PracticeSuite.Testing;

namespace PracticeSuite.Accounts.Tests;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd, either storing messages in a maildir or
/// refusing every recipient with 550. Started and stopped by the test.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string RefusingHandler = """
        class Refuse:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                return '550 5.1.1 Mailbox unavailable: refused by the test server'
        """;

    private readonly Process _process;

    private SmtpServer(Process process, int port, string? mailDirectory)
    {
        _process = process;
        Port = port;
        MailDirectory = mailDirectory;
    }

    public int Port { get; }

    /// <summary>The maildir an accepting server stores messages in.</summary>
    public string? MailDirectory { get; }

    public static Task<SmtpServer> AcceptingAsync(int port)
    {
        // Left for aiosmtpd to create: it makes the maildir's subfolders only when it creates the folder itself.
        var mailDirectory = Path.Combine(Path.GetTempPath(), "practicesuite-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(mailDirectory)!);
        return StartAsync(port, ["-c", "aiosmtpd.handlers.Mailbox", mailDirectory], null, mailDirectory);
    }

    public static async Task<SmtpServer> RefusingAsync(int port)
    {
        var handlerDirectory = Path.Combine(Path.GetTempPath(), "practicesuite-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(handlerDirectory);
        await File.WriteAllTextAsync(Path.Combine(handlerDirectory, "refusing_handler.py"), RefusingHandler);
        return await StartAsync(port, ["-c", "refusing_handler.Refuse"], handlerDirectory, null);
    }

    /// <summary>The messages an accepting server stored, as raw text.</summary>
    public IReadOnlyList<string> Messages() =>
        MailDirectory is null ? [] : Directory.EnumerateFiles(Path.Combine(MailDirectory, "new")).Select(File.ReadAllText).ToList();

    private static async Task<SmtpServer> StartAsync(int port, string[] handler, string? pythonPath, string? mailDirectory)
    {
        // Debian's interpreter, where python3-aiosmtpd lives (another python3 may come first on PATH).
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}" }.Concat(handler))
        {
            start.ArgumentList.Add(argument);
        }

        if (pythonPath is not null)
        {
            start.Environment["PYTHONPATH"] = pythonPath;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SmtpServer(process, port, mailDirectory);

        // Ready when it answers on the port (the process needs a moment to import and bind).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}; is python3-aiosmtpd installed? (build/test.sh installs it)");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>The host pointed at an SMTP server on a loopback port the tests start servers on.</summary>
public sealed class SmtpFixture : AccountsFixture
{
    public int SmtpPort { get; } = HostProcess.FreePort();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Timeout"] = "00:00:20",
        ["Email:RetryDelay"] = "00:05:00",
    };
}
