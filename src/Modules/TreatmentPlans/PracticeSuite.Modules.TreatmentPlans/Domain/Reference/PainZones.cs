using System.Text.Json.Serialization;
using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

[JsonConverter(typeof(JsonStringEnumConverter<BodySide>))]
internal enum BodySide
{
    Left,
    Right,
}

/// <summary>Which outline of the body chart a site is drawn on.</summary>
internal enum ChartView
{
    Front,
    Back,
}

/// <summary>
/// A place pain is felt, finer than the Clients module's body areas: "temple" lies within "head". A site of an arm or
/// leg exists on each side, as two zones; a referral pattern names sites, so a muscle refers to its own side.
/// </summary>
/// <param name="BodyArea">The body area the site lies within; for a sided site, the area's code without "-left"/"-right".</param>
internal sealed record PainSite(string Code, string Name, string BodyArea, bool Sided, ChartView View);

/// <summary>A zone a client can report pain in: a site, on one side when the site has sides.</summary>
/// <param name="Code">Stable: the site's code, with "-left" or "-right" for a sided site.</param>
/// <param name="BodyAreaCode">The Clients module's body area (<see cref="BodyAreas"/>) the zone lies within.</param>
internal sealed record PainZone(string Code, string Name, string BodyAreaCode, PainSite Site, BodySide? Side);

/// <summary>The shipped sites and zones. Codes are stable; the body chart draws every one.</summary>
internal static class PainZones
{
    public static IReadOnlyList<PainSite> Sites { get; } =
    [
        // Head and face
        new("top-of-head", "Top of the head", "head", false, ChartView.Front),
        new("forehead", "Forehead", "head", false, ChartView.Front),
        new("temple", "Temple", "head", false, ChartView.Front),
        new("around-eye", "Around the eye", "face-jaw", false, ChartView.Front),
        new("eyebrow", "Eyebrow", "face-jaw", false, ChartView.Front),
        new("cheek", "Cheek", "face-jaw", false, ChartView.Front),
        new("ear", "Ear", "face-jaw", false, ChartView.Front),
        new("jaw", "Jaw", "face-jaw", false, ChartView.Front),
        new("teeth", "Teeth", "face-jaw", false, ChartView.Front),
        new("behind-ear", "Behind the ear", "head", false, ChartView.Back),
        new("back-of-head", "Back of the head", "head", false, ChartView.Back),

        // Neck
        new("side-of-neck", "Side of the neck", "neck", false, ChartView.Front),
        new("back-of-neck", "Back of the neck", "neck", false, ChartView.Back),
        new("angle-of-neck", "Angle of the neck and shoulder", "neck", false, ChartView.Back),

        // Shoulder and arm
        new("front-of-shoulder", "Front of the shoulder", "shoulder", true, ChartView.Front),
        new("deltoid", "Middle of the deltoid", "shoulder", true, ChartView.Front),
        new("back-of-shoulder", "Back of the shoulder", "shoulder", true, ChartView.Back),
        new("front-of-upper-arm", "Front of the upper arm", "upper-arm", true, ChartView.Front),
        new("inner-arm", "Inner arm", "upper-arm", true, ChartView.Front),
        new("back-of-upper-arm", "Back of the upper arm", "upper-arm", true, ChartView.Back),
        new("outer-elbow", "Outer elbow", "elbow-forearm", true, ChartView.Back),
        new("inner-elbow", "Inner elbow", "elbow-forearm", true, ChartView.Front),
        new("thumb-side-forearm", "Thumb side of the forearm", "elbow-forearm", true, ChartView.Front),
        new("back-of-forearm", "Back of the forearm", "elbow-forearm", true, ChartView.Back),
        new("front-of-wrist", "Front of the wrist", "wrist-hand", true, ChartView.Front),
        new("around-wrist", "Band around the wrist", "wrist-hand", true, ChartView.Back),
        new("palm", "Palm", "wrist-hand", true, ChartView.Front),
        new("thumb", "Thumb", "wrist-hand", true, ChartView.Front),
        new("little-fingers", "Ring and little fingers", "wrist-hand", true, ChartView.Front),
        new("back-of-hand", "Back of the hand", "wrist-hand", true, ChartView.Back),

        // Trunk
        new("chest", "Chest", "chest", false, ChartView.Front),
        new("side-of-chest", "Side of the chest", "chest", false, ChartView.Front),
        new("abdomen", "Abdomen", "abdomen", false, ChartView.Front),
        new("inner-shoulder-blade", "Inner edge of the shoulder blade", "upper-back", false, ChartView.Back),
        new("shoulder-blade", "Over the shoulder blade", "upper-back", false, ChartView.Back),
        new("lumbar-spine", "Along the lumbar spine", "lower-back", false, ChartView.Back),
        new("iliac-crest", "Back of the iliac crest", "lower-back", false, ChartView.Back),
        new("sacroiliac", "Sacroiliac joint", "lower-back", false, ChartView.Back),
        new("sacrum", "Sacrum", "lower-back", false, ChartView.Back),

        // Hip and leg
        new("groin", "Groin", "hip-buttock", true, ChartView.Front),
        new("outer-hip", "Outer hip", "hip-buttock", true, ChartView.Front),
        new("buttock", "Buttock", "hip-buttock", true, ChartView.Back),
        new("front-of-thigh", "Front of the thigh", "thigh", true, ChartView.Front),
        new("inner-thigh", "Inner thigh", "thigh", true, ChartView.Front),
        new("outer-thigh", "Outer thigh", "thigh", true, ChartView.Front),
        new("back-of-thigh", "Back of the thigh", "thigh", true, ChartView.Back),
        new("front-of-knee", "Front of the knee", "knee", true, ChartView.Front),
        new("inner-knee", "Inner knee", "knee", true, ChartView.Front),
        new("outer-knee", "Outer knee", "knee", true, ChartView.Front),
        new("back-of-knee", "Back of the knee", "knee", true, ChartView.Back),
        new("shin", "Shin", "lower-leg", true, ChartView.Front),
        new("outer-leg", "Outer lower leg", "lower-leg", true, ChartView.Front),
        new("calf", "Calf", "lower-leg", true, ChartView.Back),
        new("ankle", "Ankle", "ankle-foot", true, ChartView.Front),
        new("instep", "Instep", "ankle-foot", true, ChartView.Front),
        new("big-toe", "Big toe", "ankle-foot", true, ChartView.Front),
        new("heel", "Heel", "ankle-foot", true, ChartView.Back),
        new("sole", "Sole", "ankle-foot", true, ChartView.Back),
    ];

    public static IReadOnlyList<PainZone> All { get; } = Sites.SelectMany(Expand).ToList();

    private static readonly Dictionary<string, PainSite> SiteByCode = Sites.ToDictionary(s => s.Code, StringComparer.Ordinal);
    private static readonly Dictionary<string, PainZone> ZoneByCode = All.ToDictionary(z => z.Code, StringComparer.Ordinal);

    public static PainSite? FindSite(string? code) => code is null ? null : SiteByCode.GetValueOrDefault(code);

    public static PainZone? Find(string? code) => code is null ? null : ZoneByCode.GetValueOrDefault(code);

    public static bool IsKnown(string? code) => code is not null && ZoneByCode.ContainsKey(code);

    /// <summary>The zones of a site: one, or a left and a right.</summary>
    public static IEnumerable<PainZone> Expand(PainSite site)
    {
        if (!site.Sided)
        {
            yield return new PainZone(site.Code, site.Name, site.BodyArea, site, null);
            yield break;
        }

        foreach (var side in new[] { BodySide.Left, BodySide.Right })
        {
            var suffix = side == BodySide.Left ? "left" : "right";
            yield return new PainZone($"{site.Code}-{suffix}", $"{site.Name}, {suffix}", $"{site.BodyArea}-{suffix}", site, side);
        }
    }
}
