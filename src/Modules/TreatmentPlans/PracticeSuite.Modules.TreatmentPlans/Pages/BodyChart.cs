using System.Globalization;
using System.Text;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

namespace PracticeSuite.Modules.TreatmentPlans.Pages;

/// <summary>One zone's shape on the chart: the SVG path, and where its middle lies across the figure.</summary>
/// <param name="CentreX">The horizontal middle of the shape in the view box: which half of the figure it is drawn on.</param>
internal sealed record ZoneShape(string ZoneCode, string Name, string BodyAreaCode, ChartView View, string PathData, double CentreX);

/// <summary>
/// The body chart's drawing: a front and a back outline of the same figure, and a shape for every pain zone on the
/// outline its site belongs to. Both views share one view box; a sided site is drawn once, on the viewer's left
/// half, and mirrored for the other side. On the front view the client faces the viewer, so the client's right is on
/// the viewer's left; on the back view the viewer sees the client from behind, so the client's left is on the
/// viewer's left.
/// </summary>
internal static class BodyChart
{
    public const double Width = 200;
    public const double Height = 448;
    public const double Midline = Width / 2;

    public static string ViewBox { get; } = $"0 0 {Number(Width)} {Number(Height)}";

    public static ZoneShape? Find(string code) => ShapeByZone.GetValueOrDefault(code);

    public static IEnumerable<ZoneShape> On(ChartView view) => Shapes.Where(s => s.View == view);

    /// <summary>The zones of the sites a referral pattern names: both sides of a sided site.</summary>
    public static IReadOnlyList<string> ZonesOfSites(IEnumerable<string> siteCodes) =>
        siteCodes.Select(PainZones.FindSite).OfType<PainSite>().SelectMany(PainZones.Expand).Select(z => z.Code).Distinct().ToList();

    private static IEnumerable<ZoneShape> ShapesOf(PainSite site)
    {
        if (!Drawings.TryGetValue(site.Code, out var drawing))
        {
            yield break; // the unit test names every site without a drawing
        }

        foreach (var zone in PainZones.Expand(site))
        {
            // Drawn on the viewer's left: the client's right on the front, the client's left on the back.
            var drawnSide = site.View == ChartView.Front ? BodySide.Right : BodySide.Left;
            var parts = drawing.Placement switch
            {
                Placement.Midline => drawing.Parts,
                Placement.BothSides => drawing.Parts.Concat(drawing.Parts.Select(p => p.Mirrored())).ToList(),
                _ => zone.Side == drawnSide ? drawing.Parts : drawing.Parts.Select(p => p.Mirrored()).ToList(),
            };
            yield return new ZoneShape(zone.Code, zone.Name, zone.BodyAreaCode, site.View, string.Concat(parts.Select(p => p.PathData())),
                parts.Average(p => p.CentreX));
        }
    }

    private enum Placement
    {
        /// <summary>On the midline (the forehead, the sacrum): drawn as given.</summary>
        Midline,

        /// <summary>A site without sides found on both (the temples, the shoulder blades): drawn and mirrored, one shape.</summary>
        BothSides,

        /// <summary>A sided site: drawn as given for one side, mirrored for the other.</summary>
        Sided,
    }

    private sealed record Drawing(Placement Placement, IReadOnlyList<Part> Parts);

    private static Drawing Mid(params Part[] parts) => new(Placement.Midline, parts);

    private static Drawing Both(params Part[] parts) => new(Placement.BothSides, parts);

    private static Drawing Side(params Part[] parts) => new(Placement.Sided, parts);

    private static Ellipse E(double cx, double cy, double rx, double ry) => new(cx, cy, rx, ry);

    // Every site's shape, in the 200 × 448 view box; sided and both-sided ones on the viewer's left half (x < 100).
    private static readonly Dictionary<string, Drawing> Drawings = new(StringComparer.Ordinal)
    {
        // Front: head and face.
        ["top-of-head"] = Mid(E(100, 12, 10, 4)),
        ["forehead"] = Mid(E(100, 22, 12, 4.5)),
        ["temple"] = Both(E(84.5, 27, 3, 5)),
        ["eyebrow"] = Both(E(93, 28, 4.5, 1.8)),
        ["around-eye"] = Both(E(93, 33, 4, 2.6)),
        ["ear"] = Both(E(80.5, 35, 3, 5.5)),
        ["cheek"] = Both(E(89, 41, 4.5, 4)),
        ["teeth"] = Mid(E(100, 45, 6, 2.5)),
        ["jaw"] = Both(E(88, 49, 5, 3.5)),

        // Front: neck and trunk.
        ["side-of-neck"] = Both(E(93, 63, 3, 8)),
        ["chest"] = Both(E(84, 104, 13, 10)),
        ["side-of-chest"] = Both(E(70, 135, 4, 12)),
        ["abdomen"] = Mid(E(100, 160, 18, 22)),

        // Front: shoulder and arm (palms forward, so the thumb side is the outer side).
        ["front-of-shoulder"] = Side(E(66, 88, 6, 7)),
        ["deltoid"] = Side(E(54, 97, 5, 9)),
        ["front-of-upper-arm"] = Side(E(51, 122, 4.5, 14)),
        ["inner-arm"] = Side(E(58.5, 140, 3, 14)),
        ["inner-elbow"] = Side(E(51, 168, 5, 5)),
        ["thumb-side-forearm"] = Side(E(42.5, 200, 3.5, 16)),
        ["front-of-wrist"] = Side(E(39, 236, 5, 2.5)),
        ["palm"] = Side(E(37.5, 252, 5, 6)),
        ["thumb"] = Side(E(29, 256, 2.5, 6)),
        ["little-fingers"] = Side(E(41.5, 270, 2.8, 6)),

        // Front: hip and leg.
        ["groin"] = Side(E(88, 244, 6, 4)),
        ["outer-hip"] = Side(E(69, 226, 4, 8)),
        ["front-of-thigh"] = Side(E(82, 278, 8, 18)),
        ["inner-thigh"] = Side(E(94, 280, 3, 12)),
        ["outer-thigh"] = Side(E(71.5, 288, 3, 17)),
        ["front-of-knee"] = Side(E(85, 334, 6, 6)),
        ["inner-knee"] = Side(E(94, 336, 2.5, 5)),
        ["outer-knee"] = Side(E(75.5, 336, 2.5, 5)),
        ["shin"] = Side(E(87, 375, 3, 20)),
        ["outer-leg"] = Side(E(77, 378, 3, 18)),
        ["ankle"] = Side(E(87, 417, 6, 2.5)),
        ["instep"] = Side(E(86, 429, 5, 2.5)),
        ["big-toe"] = Side(E(92, 437, 2.5, 2.5)),

        // Back: head and neck.
        ["back-of-head"] = Mid(E(100, 28, 13, 12)),
        ["behind-ear"] = Both(E(84, 40, 3, 5)),
        ["back-of-neck"] = Mid(E(100, 63, 6, 8)),
        ["angle-of-neck"] = Both(E(82, 76, 7, 4)),

        // Back: trunk.
        ["shoulder-blade"] = Both(E(77, 112, 8, 13)),
        ["inner-shoulder-blade"] = Both(E(89, 112, 3, 14)),
        ["lumbar-spine"] = Mid(E(100, 180, 5, 20)),
        ["iliac-crest"] = Both(E(80, 206, 10, 3.5)),
        ["sacroiliac"] = Both(E(92, 222, 3.5, 5)),
        ["sacrum"] = Mid(E(100, 228, 4, 10)),

        // Back: shoulder and arm.
        ["back-of-shoulder"] = Side(E(60, 92, 6, 8)),
        ["back-of-upper-arm"] = Side(E(53, 128, 5, 16)),
        ["outer-elbow"] = Side(E(46, 166, 3.5, 5)),
        ["back-of-forearm"] = Side(E(44, 200, 4.5, 16)),
        ["around-wrist"] = Side(E(39, 236, 6.5, 3)),
        ["back-of-hand"] = Side(E(38, 256, 6, 10)),

        // Back: hip and leg.
        ["buttock"] = Side(E(82, 243, 11, 11)),
        ["back-of-thigh"] = Side(E(83, 285, 7, 20)),
        ["back-of-knee"] = Side(E(85, 336, 6, 5)),
        ["calf"] = Side(E(84, 370, 8, 18)),
        ["heel"] = Side(E(88, 426, 5, 3.5)),
        ["sole"] = Side(E(86, 437, 8, 2.5)),
    };

    // Declared after the drawings: static fields are set in the order they are written.
    /// <summary>The figure's outline: head, ears, neck, trunk, arms, hands, legs and feet as one path of overlapping parts.</summary>
    public static string OutlinePath { get; } = string.Concat(Outline().Select(p => p.PathData()));

    public static IReadOnlyList<ZoneShape> Shapes { get; } = PainZones.Sites.SelectMany(ShapesOf).ToList();

    private static readonly Dictionary<string, ZoneShape> ShapeByZone = Shapes.ToDictionary(s => s.ZoneCode, StringComparer.Ordinal);

    private static IEnumerable<Part> Outline()
    {
        (double X, double Y)[] trunkLeftHalf =
            [(100, 70), (88, 72), (72, 77), (62, 82), (57, 94), (61, 118), (66, 142), (69, 165), (67, 190), (64, 215), (66, 240), (82, 256), (100, 262)];
        var trunk = trunkLeftHalf.Concat(trunkLeftHalf[1..^1].Reverse().Select(p => (Width - p.X, p.Y))).ToArray();
        Part[] oneSide =
        [
            E(81, 35, 3.5, 7), // ear
            new Smooth([(60, 82), (50, 90), (46, 110), (45, 135), (43, 162), (38, 200), (33, 238), (45, 240), (49, 200), (55, 166), (61, 130), (64, 105), (64, 88)]), // arm
            E(38, 258, 8, 18), // hand
            E(29, 254, 3.5, 8), // thumb
            new Smooth([(66, 228), (67, 260), (70, 300), (74, 335), (71, 365), (76, 400), (80, 422), (94, 422), (96, 400), (96, 370), (97, 340), (99, 300), (100, 262), (90, 240)]), // leg
            E(86, 432, 10, 8), // foot
        ];
        return new Part[] { E(100, 32, 19, 24), new Polygon([(90, 48), (110, 48), (111, 76), (89, 76)]), new Smooth(trunk) }
            .Concat(oneSide).Concat(oneSide.Select(p => p.Mirrored()));
    }

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A piece of a drawing. Every piece is traced clockwise on screen, so overlapping pieces of one path fill as their
    /// union under the nonzero rule (a mirrored polygon is reversed to keep its direction).
    /// </summary>
    private abstract record Part
    {
        public abstract Part Mirrored();

        public abstract string PathData();

        public abstract double CentreX { get; }
    }

    private sealed record Ellipse(double Cx, double Cy, double Rx, double Ry) : Part
    {
        public override double CentreX => Cx;

        public override Part Mirrored() => this with { Cx = Width - Cx };

        public override string PathData() =>
            $"M{Number(Cx - Rx)},{Number(Cy)}a{Number(Rx)},{Number(Ry)} 0 1,1 {Number(2 * Rx)},0a{Number(Rx)},{Number(Ry)} 0 1,1 {Number(-2 * Rx)},0Z";
    }

    /// <summary>A closed shape through the points, with straight sides.</summary>
    private record Polygon((double X, double Y)[] Points) : Part
    {
        public override double CentreX => Points.Average(p => p.X);

        public override Part Mirrored() => this with { Points = Points.Reverse().Select(p => (Width - p.X, p.Y)).ToArray() };

        protected (double X, double Y)[] Clockwise()
        {
            // The shoelace sum is positive for a clockwise trace when y grows downwards.
            var sum = Points.Select((p, i) => p.X * Points[(i + 1) % Points.Length].Y - Points[(i + 1) % Points.Length].X * p.Y).Sum();
            return sum >= 0 ? Points : Points.Reverse().ToArray();
        }

        public override string PathData() => "M" + string.Join("L", Clockwise().Select(p => $"{Number(p.X)},{Number(p.Y)}")) + "Z";
    }

    /// <summary>A closed smooth curve through the points (a Catmull-Rom spline as cubic Béziers).</summary>
    private sealed record Smooth((double X, double Y)[] Points) : Polygon(Points)
    {
        public override Part Mirrored() => new Smooth(Points.Reverse().Select(p => (Width - p.X, p.Y)).ToArray());

        public override string PathData()
        {
            var points = Clockwise();
            var n = points.Length;
            var path = new StringBuilder($"M{Number(points[0].X)},{Number(points[0].Y)}");
            for (var i = 0; i < n; i++)
            {
                var (p0, p1, p2, p3) = (points[(i + n - 1) % n], points[i], points[(i + 1) % n], points[(i + 2) % n]);
                path.Append(CultureInfo.InvariantCulture,
                    $"C{Number(p1.X + (p2.X - p0.X) / 6)},{Number(p1.Y + (p2.Y - p0.Y) / 6)} {Number(p2.X - (p3.X - p1.X) / 6)},{Number(p2.Y - (p3.Y - p1.Y) / 6)} {Number(p2.X)},{Number(p2.Y)}");
            }

            return path.Append('Z').ToString();
        }
    }
}
