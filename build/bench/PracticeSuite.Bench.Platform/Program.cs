using System.Globalization;
using PracticeSuite.Bench;
using PracticeSuite.Bench.Platform;

// The platform benchmark of issue 2. Usage:
//   dotnet PracticeSuite.Bench.Platform.dll [--only start|memory|pipeline] [--host-dir <Release host folder>]
//                                           [--runs 10] [--batches 200] [--batch-size 1000]
var options = BenchConsole.ParseOptions(args, "--only start|memory|pipeline, --host-dir, --runs, --batches, --batch-size");
string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;
int IntOption(string name, int fallback) => Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

var only = Option("only");
var hostFolder = HostPaths.ReleaseHostFolder(Option("host-dir"));
var figures = new List<Figure>();
Console.WriteLine($"PracticeSuite platform benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} processors, .NET {Environment.Version}, {BenchConsole.LoadAverage()}");

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

return BenchConsole.PrintSummary(figures);
