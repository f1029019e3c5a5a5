namespace PracticeSuite.Bench.Messaging;

/// <summary>One measured figure and, when issue 3 sets one, its goal (a floor for throughput, a ceiling for time).</summary>
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
