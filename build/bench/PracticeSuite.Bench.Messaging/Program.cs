using System.Globalization;
using PracticeSuite.Bench;
using PracticeSuite.Bench.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;

// The messaging benchmark of issue 3. Usage:
//   dotnet PracticeSuite.Bench.Messaging.dll [--provider sqlite|postgres|both] [--only throughput|latency]
//       [--only throughput|latency|jobs] [--jobs 10000] [--workers 2,10]
//       [--events 100000] [--batch-sizes 500/200,1000,2000,5000 (relay and inbox; 500/200 sets them apart)] [--split true|false] [--samples 50] [--postgres <admin connection>]
var options = BenchConsole.ParseOptions(args, "--provider, --only, --events, --batch-sizes, --split, --samples, --jobs, --workers, --postgres");
string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;
int IntOption(string name, int fallback) => Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

var only = Option("only");
var providers = (Option("provider") ?? "both").ToLowerInvariant() switch
{
    "sqlite" => [DatabaseProvider.Sqlite],
    "postgres" => [DatabaseProvider.Postgres],
    "both" => new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres },
    var other => throw new ArgumentException($"--provider is '{other}'; it must be sqlite, postgres or both."),
};
var postgresAdmin = Option("postgres")
    ?? "Host=127.0.0.1;Port=5432;Username=practicesuite_test;Password=practicesuite_test;Database=postgres";
var events = IntOption("events", 100_000);
var batchSizes = (Option("batch-sizes") ?? "500/200,1000,2000,5000").Split(',').Select(BatchSetting.Parse).ToList();
var split = !string.Equals(Option("split"), "false", StringComparison.OrdinalIgnoreCase);

Console.WriteLine($"PracticeSuite messaging benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} processors, .NET {Environment.Version}, {BenchConsole.LoadAverage()}");
var figures = new List<Figure>();
foreach (var provider in providers)
{
    if (only is null or "throughput")
    {
        figures.AddRange(await new ThroughputBenchmark(provider, postgresAdmin, events, batchSizes, split).RunAsync());
    }

    if (only is null or "latency")
    {
        figures.AddRange(await new LatencyBenchmark(provider, postgresAdmin, IntOption("samples", 50)).RunAsync());
    }
}

if (only is null or "jobs")
{
    var workers = (Option("workers") ?? "2,10").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
    figures.AddRange(await new JobsDrainBenchmark(postgresAdmin, IntOption("jobs", 10_000), workers).RunAsync(providers));
}

return BenchConsole.PrintSummary(figures);
