using PracticeSuite.Modules.TreatmentPlans.Domain;

namespace PracticeSuite.Modules.TreatmentPlans.Pages;

/// <summary>
/// A small line chart drawn on the server as SVG: one line per series over the days measured, a dashed target line when
/// there is one. The SVG is a picture for sighted readers; the table beside it carries the same figures for everyone.
/// </summary>
internal sealed record LineChart(string Id, string Title, string Unit, int YMin, int YMax, IReadOnlyList<ProgressSeries> Series, int? Target = null)
{
    public const int Width = 320;
    public const int Height = 170;
    private const int Left = 34;
    private const int Right = 12;
    private const int Top = 10;
    private const int Bottom = 26;

    public IReadOnlyList<DateOnly> Days { get; } = Series.SelectMany(s => s.Points.Select(p => p.On)).Distinct().Order().ToList();

    public bool HasData => Days.Count > 0;

    public string X(DateOnly day)
    {
        var index = Days.ToList().IndexOf(day);
        var x = Days.Count <= 1 ? Left + (Width - Left - Right) / 2.0 : Left + (Width - Left - Right) * index / (double)(Days.Count - 1);
        return FormattableString.Invariant($"{x:F1}");
    }

    public string Y(int value) => FormattableString.Invariant($"{Top + (Height - Top - Bottom) * (YMax - Math.Clamp(value, YMin, YMax)) / (double)(YMax - YMin):F1}");

    public string Path(ProgressSeries series) => string.Join(' ', series.Points.Select((p, i) => $"{(i == 0 ? 'M' : 'L')}{X(p.On)},{Y(p.Value)}"));

    /// <summary>Five gridlines from the bottom of the scale to its top.</summary>
    public IReadOnlyList<int> Ticks => Enumerable.Range(0, 5).Select(i => YMin + (YMax - YMin) * i / 4).ToList();

    public static string AxisLeft => Left.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string AxisRight => (Width - Right).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the first and last dates are written, under the plot.</summary>
    public static string DateRow => (Height - Bottom + 16).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string AxisBottom => (Height - Bottom).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A marker shape per series, so lines are told apart without colour.</summary>
    public static string Marker(int series, string x, string y) => (series % 3) switch
    {
        0 => $"<circle cx=\"{x}\" cy=\"{y}\" r=\"3.5\" />",
        1 => FormattableString.Invariant($"<rect x=\"{double.Parse(x, System.Globalization.CultureInfo.InvariantCulture) - 3.5:F1}\" y=\"{double.Parse(y, System.Globalization.CultureInfo.InvariantCulture) - 3.5:F1}\" width=\"7\" height=\"7\" />"),
        _ => FormattableString.Invariant($"<path d=\"M{double.Parse(x, System.Globalization.CultureInfo.InvariantCulture):F1},{double.Parse(y, System.Globalization.CultureInfo.InvariantCulture) - 4.5:F1} l4.5,8 h-9 z\" />"),
    };

    /// <summary>An SVG text element (Razor reserves the name "text" inside code), its words encoded.</summary>
    public static string Text(string x, string y, string anchor, string words, bool middle = false) =>
        $"<text class=\"tick\" x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\"{(middle ? " dominant-baseline=\"middle\"" : "")}>{System.Net.WebUtility.HtmlEncode(words)}</text>";

    public static string MarkerName(int series) => (series % 3) switch { 0 => "circles", 1 => "squares", _ => "triangles" };

    public int? ValueOn(ProgressSeries series, DateOnly day) => series.Points.LastOrDefault(p => p.On == day)?.Value;
}
