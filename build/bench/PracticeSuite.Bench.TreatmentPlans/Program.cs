using System.Diagnostics;
using PracticeSuite.Bench;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

// Usage: dotnet run -c Release -- [--queries 20000]
// The referral suggestion for three pain zones over the whole shipped library (every muscle's pattern checked, the
// matches ranked), in-process, as the assessment page and GET /api/treatmentplans/referrals compute it once the clinic's
// own muscles are loaded. Three different random zones per query, from a fixed seed. Beside it, in the same run, a
// floor: looking the three zones up by code, the least any suggestion must do.
var options = BenchConsole.ParseOptions(args, "--queries N");
var queries = int.Parse(options.GetValueOrDefault("queries", "20000"));
var library = MuscleLibrary.Shipped;
var zones = PainZones.All;
Console.WriteLine($"library: {library.Count} muscles, {zones.Count} zones; {BenchConsole.LoadAverage()}");

var random = new Random(19);
string[][] Triples(int count) => Enumerable.Range(0, count)
    .Select(_ => zones.OrderBy(_ => random.Next()).Take(3).Select(z => z.Code).ToArray()).ToArray();
var warmup = Triples(2_000);
var measured = Triples(queries);

var suggestions = new List<double>(queries);
var floor = new List<double>(queries);
var matched = 0;
foreach (var codes in warmup)
{
    matched += ReferralSuggestions.Suggest(library, codes.Select(c => PainZones.Find(c)!).ToList()).Count;
}

foreach (var codes in measured)
{
    var start = Stopwatch.GetTimestamp();
    var found = codes.Select(c => PainZones.Find(c)!).ToList();
    floor.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

    start = Stopwatch.GetTimestamp();
    var ranked = ReferralSuggestions.Suggest(library, codes.Select(c => PainZones.Find(c)!).ToList());
    suggestions.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    matched += ranked.Count + found.Count;
}

var figures = new List<Figure>
{
    new("referral suggestion, 3 zones p95", Stats.Percentile(suggestions, 95), "ms", 1.0, false,
        $"p50 {Stats.Median(suggestions):F4} ms, p99 {Stats.Percentile(suggestions, 99):F4} ms over {queries} queries"),
    new("floor: 3 zones by code p95", Stats.Percentile(floor, 95), "ms", null, false, $"p50 {Stats.Median(floor):F4} ms"),
};
Console.WriteLine($"(checksum {matched})");
return BenchConsole.PrintSummary(figures);
