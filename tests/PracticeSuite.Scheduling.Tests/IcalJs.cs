using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>
/// Reads an iCalendar text with npm's ical.js (build/ical-check, installed by build/test.sh): a reader other than the
/// one that wrote it. The folder is <c>PRACTICESUITE_ICAL_CHECK</c> when set, else build/ical-check above this test's
/// folder. Missing node or ical.js fails the test with how to install them: this check is never skipped.
/// </summary>
public static class IcalJs
{
    public const string FolderVariable = "PRACTICESUITE_ICAL_CHECK";

    /// <summary>One VEVENT as ical.js read it: start and end as UTC instants.</summary>
    public sealed record Event(string Uid, string Summary, string? Location, string? Status, int? Sequence, DateTimeOffset Start, DateTimeOffset End);

    /// <summary>The calendar's METHOD and its VTIMEZONEs' TZIDs.</summary>
    public sealed record Calendar(string? Method, IReadOnlyList<string> TimeZones, IReadOnlyList<Event> Events);

    public static async Task<Calendar> ReadAsync(string ics)
    {
        var folder = Folder();
        var file = Path.Combine(Path.GetTempPath(), $"feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(folder, "check.js"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            // A floating time would be read in this zone: far from London, so such a mistake cannot pass by luck.
            start.Environment["TZ"] = "Pacific/Auckland";
            using var node = StartNode(start);
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, $"ical.js could not read the calendar: {await errors}\n{ics}");

            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            var summary = lines[^1];
            var events = lines[..^1].Select(e => new Event(
                e["uid"]!.GetValue<string>(), e["summary"]!.GetValue<string>(), e["location"]?.GetValue<string>(), e["status"]?.GetValue<string>(),
                e["sequence"]?.GetValue<int>(), DateTimeOffset.Parse(e["start"]!.GetValue<string>()), DateTimeOffset.Parse(e["end"]!.GetValue<string>()))).ToList();
            return new Calendar(summary["method"]?.GetValue<string>(), summary["timezones"]!.AsArray().Select(z => z!.GetValue<string>()).ToList(), events);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"node could not be run ({missing.Message}). {HowTo}", missing);
        }
    }

    private const string HowTo =
        "Install node and npm (Debian: apt-get install nodejs npm), then run build/test.sh, or `npm ci --no-audit --no-fund` in build/ical-check.";

    private static string Folder()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(folder))
        {
            // The nearest build/ical-check above this test with ical.js installed; a copy of the tree without node_modules
            // (build/mutants.sh's scratch copy inside artifacts/) finds the checkout's own further up.
            string? uninstalled = null;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && folder is null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "build", "ical-check");
                if (File.Exists(Path.Combine(candidate, "check.js")))
                {
                    uninstalled ??= candidate;
                    folder = Directory.Exists(Path.Combine(candidate, "node_modules", "ical.js")) ? candidate : null;
                }
            }

            folder ??= uninstalled;
        }

        Assert.True(folder is not null && File.Exists(Path.Combine(folder, "check.js")), $"build/ical-check/check.js was not found ({FolderVariable} unset or wrong). {HowTo}");
        Assert.True(Directory.Exists(Path.Combine(folder!, "node_modules", "ical.js")), $"ical.js is not installed in {folder}. {HowTo}");
        return folder!;
    }
}
