namespace PracticeSuite.Bench;

/// <summary>One measured figure and, when its issue sets one, its goal (a floor when higher is better, else a ceiling).</summary>
public sealed record Figure(string Name, double Value, string Unit, double? Goal, bool HigherIsBetter, string Detail)
{
    public string Verdict => Goal is not { } goal ? "info" : (HigherIsBetter ? Value >= goal : Value <= goal) ? "met" : "MISSED";

    public string Format() =>
        $"{Name,-52} {Value,10:#,0.###} {Unit,-8} {(Goal is { } goal ? $"goal {(HigherIsBetter ? ">=" : "<=")} {goal:#,0.###}" : "no goal"),-15} {Verdict,-6} {Detail}";
}

/// <summary>Small statistics helpers over samples.</summary>
public static class Stats
{
    public static double Median(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Nearest-rank percentile (no interpolation): always one of the samples.</summary>
    public static double Percentile(IReadOnlyList<double> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>What every harness does around its measurements: read <c>--name value</c> options, print the summary.</summary>
public static class BenchConsole
{
    public static Dictionary<string, string> ParseOptions(string[] arguments, string usage)
    {
        var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!arguments[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= arguments.Length)
            {
                throw new ArgumentException($"Unexpected argument '{arguments[i]}'. Options take a value: {usage}.");
            }

            parsed[arguments[i][2..]] = arguments[++i];
        }

        return parsed;
    }

    /// <summary>Prints every figure beside its goal; the exit code is 2 when a goal is missed.</summary>
    public static int PrintSummary(IEnumerable<Figure> figures)
    {
        var all = figures.ToList();
        Console.WriteLine();
        Console.WriteLine($"Summary ({LoadAverage()}; wall-clock figures grow when other work shares the cores)");
        foreach (var figure in all)
        {
            Console.WriteLine("  " + figure.Format());
        }

        return all.Any(f => f.Verdict == "MISSED") ? 2 : 0;
    }

    // Other work on the machine moves the wall-clock figures; the load average says how much there was.
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";
}
