using System.Globalization;
using PracticeSuite.Bench.Platform;

// The platform benchmark of issue 2. Usage:
//   dotnet PracticeSuite.Bench.Platform.dll [--only start|memory|pipeline] [--host-dir <Release host folder>]
//                                           [--runs 10] [--batches 200] [--batch-size 1000]
var options = ParseOptions(args);
string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;
int IntOption(string name, int fallback) => Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

var only = Option("only");
var hostFolder = HostPaths.ReleaseHostFolder(Option("host-dir"));
var figures = new List<Figure>();
Console.WriteLine($"PracticeSuite platform benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} processors, .NET {Environment.Version}, {LoadAverage()}");

// Memory first: the in-process host should not share its heap with what the other measurements leave behind.
if (only is null or "memory")
{
    figures.AddRange(await new WorkingSetBenchmark(hostFolder).RunAsync());
}

if (only is null or "pipeline")
{
    figures.AddRange(await new PipelineBenchmark(IntOption("batches", 200), IntOption("batch-size", 1000)).RunAsync());
}

if (only is null or "start")
{
    figures.AddRange(await new HostStartBenchmark(hostFolder, IntOption("runs", 10)).RunAsync());
}

Console.WriteLine();
Console.WriteLine($"Summary ({LoadAverage()}; wall-clock figures grow when other work shares the cores)");
foreach (var figure in figures)
{
    Console.WriteLine("  " + figure.Format());
}

return figures.Any(f => f.Verdict == "MISSED") ? 2 : 0;

// Other work on the machine moves the wall-clock figures; the load average says how much there was.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";

static Dictionary<string, string> ParseOptions(string[] arguments)
{
    var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (var i = 0; i < arguments.Length; i++)
    {
        if (!arguments[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= arguments.Length)
        {
            throw new ArgumentException($"Unexpected argument '{arguments[i]}'. Options take a value: --only start|memory|pipeline, --host-dir, --runs, --batches, --batch-size.");
        }

        parsed[arguments[i][2..]] = arguments[++i];
    }

    return parsed;
}
