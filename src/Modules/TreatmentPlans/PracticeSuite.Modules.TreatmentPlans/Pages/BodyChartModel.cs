using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

namespace PracticeSuite.Modules.TreatmentPlans.Pages;

/// <summary>What one body chart on a page shows (see <see cref="BodyChart"/> for the drawing).</summary>
/// <param name="Id">Unique on the page: the chart's element ids start with it.</param>
/// <param name="Marked">Zone codes drawn as chosen: a complaint's zones, the findings.</param>
/// <param name="Highlighted">Zone codes drawn as a referral pattern.</param>
/// <param name="AreasToAvoid">The Clients module's body area codes of the client's local flags: every zone within them is shaded.</param>
/// <param name="PickerId">When set, the chart is interactive: a click on a zone toggles the zone's box in this <see cref="ZonePicker"/>.</param>
internal sealed record BodyChartModel(
    string Id,
    IReadOnlyCollection<string> Marked,
    IReadOnlyCollection<string>? Highlighted = null,
    IReadOnlyCollection<string>? AreasToAvoid = null,
    string? PickerId = null,
    string MarkedMeaning = "Marked zone",
    string HighlightedMeaning = "Referral pattern")
{
    public bool Interactive => PickerId is not null;

    public IReadOnlyCollection<string> HighlightedZones => Highlighted ?? [];

    public IReadOnlyCollection<string> Avoid => AreasToAvoid ?? [];

    public bool IsMarked(ZoneShape shape) => Marked.Contains(shape.ZoneCode);

    public bool IsHighlighted(ZoneShape shape) => HighlightedZones.Contains(shape.ZoneCode);

    public bool IsToAvoid(ZoneShape shape) => Avoid.Contains(shape.BodyAreaCode);

    public static IReadOnlyList<(ChartView View, string Name)> Views { get; } = [(ChartView.Front, "Front"), (ChartView.Back, "Back")];
}
