using System.Globalization;
using PracticeSuite.Bench;
using PracticeSuite.Bench.Platform;

// The platform benchmark of issue 2. Usage:
//   dotnet PracticeSuite.Bench.Platform.dll [--only start,floor|memory|pipeline|…] [--host-dir <Release host folder>]
//                                           [--floor-dir <published stack floor folder>]
//                                           [--runs 10] [--batches 200] [--batch-size 1000]
var options = BenchConsole.ParseOptions(args, "--only start|memory|pipeline|floor (comma-separated), --host-dir, --floor-dir, --runs, --batches, --batch-size");
string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;
int IntOption(string name, int fallback) => Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

// "--only start,floor" measures the host's start beside the stack floor's in the same run.
var only = Option("only")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
bool Runs(string part) => only is null || only.Contains(part);
var hostFolder = HostPaths.ReleaseHostFolder(Option("host-dir"));
var figures = new List<Figure>();
Console.WriteLine($"PracticeSuite platform benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} processors, .NET {Environment.Version}, {BenchConsole.LoadAverage()}");

// Memory first: the in-process host should not share its heap with what the other measurements leave behind.
if (Runs("memory"))
{
    figures.AddRange(await new WorkingSetBenchmark(hostFolder).RunAsync());
}

if (Runs("pipeline"))
{
    figures.AddRange(await new PipelineBenchmark(IntOption("batches", 200), IntOption("batch-size", 1000)).RunAsync());
}

if (Runs("start"))
{
    figures.AddRange(await new HostStartBenchmark("Host", Path.Combine(hostFolder, HostPaths.HostAssemblyName), IntOption("runs", 10), hasGoals: true).RunAsync());
}

// The same start and separate-process memory measurements on the stack floor: the required dependencies with
// nothing of PracticeSuite in them, to read the host's figures against.
if (Runs("floor"))
{
    var floorFolder = Option("floor-dir") ?? throw new ArgumentException("--floor-dir <published stack floor folder> is needed for the floor measurement.");
    figures.AddRange(await new HostStartBenchmark("Stack floor", Path.Combine(Path.GetFullPath(floorFolder), "PracticeSuite.Bench.StackFloor.dll"), IntOption("runs", 10), hasGoals: false).RunAsync());
}

return BenchConsole.PrintSummary(figures);
