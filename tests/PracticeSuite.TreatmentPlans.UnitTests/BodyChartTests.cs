using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Pages;
using PracticeSuite.Modules.TreatmentPlans.Pages.Library;
using Xunit;

namespace PracticeSuite.TreatmentPlans.UnitTests;

/// <summary>
/// The body chart draws every pain zone once, on the right outline and the right half. Counted by hand in PainZones.cs:
/// 58 sites, 23 without sides (11 of the head and face, 3 of the neck, 9 of the trunk) and 35 with (16 of the shoulder
/// and arm, 19 of the hip and leg), so 23 + 2 × 35 = 93 zones.
/// </summary>
public sealed class BodyChartTests
{
    [Fact]
    public void Every_zone_has_exactly_one_shape_and_every_shape_is_a_zone()
    {
        Assert.Equal(58, PainZones.Sites.Count);
        Assert.Equal(23, PainZones.Sites.Count(s => !s.Sided));
        Assert.Equal(93, PainZones.All.Count);
        Assert.Equal(93, BodyChart.Shapes.Count);

        var missing = PainZones.All.Where(z => BodyChart.Shapes.Count(s => s.ZoneCode == z.Code) != 1).Select(z => z.Code).ToList();
        Assert.True(missing.Count == 0, "zones without exactly one shape: " + string.Join(", ", missing));
        Assert.All(BodyChart.Shapes, s => Assert.True(PainZones.IsKnown(s.ZoneCode), $"{s.ZoneCode} is not a zone"));
    }

    [Fact]
    public void Each_shape_is_on_its_sites_outline_and_named_as_its_zone()
    {
        Assert.All(BodyChart.Shapes, s =>
        {
            var zone = PainZones.Find(s.ZoneCode)!;
            Assert.Equal(zone.Site.View, s.View);
            Assert.Equal(zone.Name, s.Name);
            Assert.Equal(zone.BodyAreaCode, s.BodyAreaCode);
            Assert.StartsWith("M", s.PathData, StringComparison.Ordinal);
        });
        Assert.Equal(ChartView.Front, BodyChart.Find("temple")!.View);
        Assert.Equal(ChartView.Back, BodyChart.Find("calf-left")!.View);
        // Front: 9 of the face and head, 1 of the neck, 3 of the trunk, and 10 arm and 13 leg sites on each side.
        Assert.Equal(9 + 1 + 3 + 2 * (10 + 13), BodyChart.On(ChartView.Front).Count());
        // Back: 2 of the head, 2 of the neck, 6 of the trunk, and 6 arm and 6 leg sites on each side.
        Assert.Equal(2 + 2 + 6 + 2 * (6 + 6), BodyChart.On(ChartView.Back).Count());
    }

    [Fact]
    public void The_clients_left_is_on_the_viewers_right_on_the_front_and_on_the_viewers_left_on_the_back()
    {
        Assert.True(BodyChart.Find("deltoid-left")!.CentreX > BodyChart.Midline);
        Assert.True(BodyChart.Find("deltoid-right")!.CentreX < BodyChart.Midline);
        Assert.True(BodyChart.Find("calf-left")!.CentreX < BodyChart.Midline);
        Assert.True(BodyChart.Find("calf-right")!.CentreX > BodyChart.Midline);
        foreach (var shape in BodyChart.Shapes)
        {
            var zone = PainZones.Find(shape.ZoneCode)!;
            var onViewersLeft = shape.CentreX < BodyChart.Midline;
            switch (zone.Side)
            {
                case BodySide.Left:
                    Assert.True(onViewersLeft == (shape.View == ChartView.Back), $"{shape.ZoneCode} on the wrong half");
                    break;
                case BodySide.Right:
                    Assert.True(onViewersLeft == (shape.View == ChartView.Front), $"{shape.ZoneCode} on the wrong half");
                    break;
                default:
                    Assert.Equal(BodyChart.Midline, shape.CentreX, 3); // a zone without sides is on the midline or on both halves alike
                    break;
            }
        }
    }

    [Fact]
    public void The_two_sides_of_a_site_are_mirror_images()
    {
        var left = BodyChart.Find("outer-elbow-left")!;
        var right = BodyChart.Find("outer-elbow-right")!;
        Assert.Equal(BodyChart.Width, left.CentreX + right.CentreX, 3);
        Assert.NotEqual(left.PathData, right.PathData);
    }

    [Fact]
    public void A_referral_pattern_lights_both_sides_of_a_sided_site()
    {
        Assert.Equal(["temple", "calf-left", "calf-right"], BodyChart.ZonesOfSites(["temple", "calf", "no-such-site"]));
    }

    [Fact]
    public void The_library_form_turns_chosen_zones_into_their_sites_and_keeps_an_unknown_code_to_be_refused()
    {
        Assert.Equal(["calf", "temple", "nowhere"], LibraryModel.SitesOf(["calf-left", "calf-right", "temple", "nowhere"]));
    }
}
