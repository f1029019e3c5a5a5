namespace PracticeSuite.Modules.Clients.Contracts;

/// <summary>A region of the body a flag can exclude or a note can name.</summary>
public sealed record BodyArea(string Code, string Name);

/// <summary>
/// The one list of body areas every module uses (screening flags here, assessments and session notes later),
/// so "left knee" means the same thing everywhere. Codes are stable; names are for display.
/// </summary>
public static class BodyAreas
{
    public static IReadOnlyList<BodyArea> All { get; } =
    [
        new("head", "Head"),
        new("face-jaw", "Face and jaw"),
        new("neck", "Neck"),
        new("shoulder-left", "Left shoulder"),
        new("shoulder-right", "Right shoulder"),
        new("upper-arm-left", "Left upper arm"),
        new("upper-arm-right", "Right upper arm"),
        new("elbow-forearm-left", "Left elbow and forearm"),
        new("elbow-forearm-right", "Right elbow and forearm"),
        new("wrist-hand-left", "Left wrist and hand"),
        new("wrist-hand-right", "Right wrist and hand"),
        new("chest", "Chest"),
        new("abdomen", "Abdomen"),
        new("upper-back", "Upper back"),
        new("lower-back", "Lower back"),
        new("hip-buttock-left", "Left hip and buttock"),
        new("hip-buttock-right", "Right hip and buttock"),
        new("thigh-left", "Left thigh"),
        new("thigh-right", "Right thigh"),
        new("knee-left", "Left knee"),
        new("knee-right", "Right knee"),
        new("lower-leg-left", "Left lower leg and calf"),
        new("lower-leg-right", "Right lower leg and calf"),
        new("ankle-foot-left", "Left ankle and foot"),
        new("ankle-foot-right", "Right ankle and foot"),
    ];

    private static readonly Dictionary<string, BodyArea> ByCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static BodyArea? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);
}
