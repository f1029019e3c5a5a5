using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

namespace PracticeSuite.Modules.TreatmentPlans.Pages;

/// <summary>
/// The list of pain zones as checkboxes, grouped by body area: the keyboard and screen-reader way to choose zones, and
/// what the body chart drives when script runs.
/// </summary>
/// <param name="Name">The form field the chosen codes post as (one value per zone).</param>
/// <param name="Id">Unique on the page: the chooser's element ids start with it.</param>
/// <param name="AreasToAvoid">Body areas of the client's local flags, marked in the list.</param>
internal sealed record ZonePicker(string Name, string Id, string Legend, IReadOnlyCollection<string> Selected, IReadOnlyCollection<string> AreasToAvoid)
{
    public static IReadOnlyList<(BodyArea Area, IReadOnlyList<PainZone> Zones)> Groups { get; } =
        BodyAreas.All.Select(a => (a, (IReadOnlyList<PainZone>)PainZones.All.Where(z => z.BodyAreaCode == a.Code).ToList()))
            .Where(g => g.Item2.Count > 0).ToList();
}
