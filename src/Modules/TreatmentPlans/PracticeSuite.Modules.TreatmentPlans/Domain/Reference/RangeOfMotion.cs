namespace PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

/// <summary>
/// A movement of a joint that can be measured in degrees. <see cref="NormalDegrees"/> is the usual active range for an
/// adult; past it is shown, not refused (hypermobile clients exceed it). <see cref="HardLimitDegrees"/> is the largest
/// reading the product accepts: past it a reading is a typing error.
/// </summary>
/// <param name="Sided">Measured on the left or the right (a limb, or a neck or trunk movement towards one side).</param>
internal sealed record JointMovement(string Code, string Joint, string Movement, bool Sided, int NormalDegrees, int HardLimitDegrees, string Source)
{
    public string Name => $"{Joint}: {Movement.ToLowerInvariant()}";
}

internal static class RangeOfMotion
{
    // The normal ranges are the American Academy of Orthopaedic Surgeons' averages; the hard limits are the product's own
    // plausibility bounds, set well beyond the most mobile bodies, so that only a mistyped reading is refused.
    private const string Aaos = "AAOS, Joint Motion: Method of Measuring and Recording (1965); hard limit: PracticeSuite plausibility bound";

    private static JointMovement J(string code, string joint, string movement, bool sided, int normal, int hardLimit) =>
        new(code, joint, movement, sided, normal, hardLimit, Aaos);

    public static IReadOnlyList<JointMovement> All { get; } =
    [
        J("neck-flexion", "Neck", "Flexion", false, 45, 80),
        J("neck-extension", "Neck", "Extension", false, 45, 90),
        J("neck-side-bending", "Neck", "Side bending", true, 45, 70),
        J("neck-rotation", "Neck", "Rotation", true, 60, 90),
        J("trunk-flexion", "Trunk", "Flexion", false, 80, 110),
        J("trunk-extension", "Trunk", "Extension", false, 25, 45),
        J("trunk-side-bending", "Trunk", "Side bending", true, 35, 50),
        J("trunk-rotation", "Trunk", "Rotation", true, 45, 70),
        J("shoulder-flexion", "Shoulder", "Flexion", true, 180, 200),
        J("shoulder-extension", "Shoulder", "Extension", true, 60, 90),
        J("shoulder-abduction", "Shoulder", "Abduction", true, 180, 200),
        J("shoulder-internal-rotation", "Shoulder", "Internal rotation", true, 70, 100),
        J("shoulder-external-rotation", "Shoulder", "External rotation", true, 90, 120),
        J("elbow-flexion", "Elbow", "Flexion", true, 150, 165),
        J("forearm-pronation", "Forearm", "Pronation", true, 80, 100),
        J("forearm-supination", "Forearm", "Supination", true, 80, 100),
        J("wrist-flexion", "Wrist", "Flexion", true, 80, 100),
        J("wrist-extension", "Wrist", "Extension", true, 70, 95),
        J("wrist-radial-deviation", "Wrist", "Radial deviation", true, 20, 35),
        J("wrist-ulnar-deviation", "Wrist", "Ulnar deviation", true, 30, 50),
        J("hip-flexion", "Hip", "Flexion", true, 120, 145),
        J("hip-extension", "Hip", "Extension", true, 30, 45),
        J("hip-abduction", "Hip", "Abduction", true, 45, 70),
        J("hip-adduction", "Hip", "Adduction", true, 30, 45),
        J("hip-internal-rotation", "Hip", "Internal rotation", true, 45, 60),
        J("hip-external-rotation", "Hip", "External rotation", true, 45, 70),
        J("knee-flexion", "Knee", "Flexion", true, 135, 160),
        J("ankle-dorsiflexion", "Ankle", "Dorsiflexion", true, 20, 35),
        J("ankle-plantarflexion", "Ankle", "Plantarflexion", true, 50, 70),
        J("ankle-inversion", "Ankle", "Inversion", true, 35, 50),
        J("ankle-eversion", "Ankle", "Eversion", true, 15, 30),
    ];

    private static readonly Dictionary<string, JointMovement> ByCode = All.ToDictionary(j => j.Code, StringComparer.Ordinal);

    public static JointMovement? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);
}
