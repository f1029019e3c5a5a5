namespace PracticeSuite.Bench.Platform;

/// <summary>One measured figure and, when issue 2 sets one, its goal (lower is better).</summary>
public sealed record Figure(string Name, double Value, string Unit, double? Goal, string Detail)
{
    public string Verdict => Goal is null ? "info" : Value <= Goal ? "met" : "MISSED";

    public string Format() =>
        $"{Name,-46} {Value,9:0.###} {Unit,-2}  {(Goal is { } goal ? $"goal <= {goal:0.###} {Unit}" : "no goal"),-17} {Verdict,-6} {Detail}";
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
