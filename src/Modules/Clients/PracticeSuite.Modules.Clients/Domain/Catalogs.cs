using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>One yes/no screening question of the intake; every item of the domain guide's screening table has one.</summary>
/// <param name="AsksForBodyAreas">A "yes" must name the areas concerned (local contraindications).</param>
internal sealed record ScreeningQuestion(string Key, string Text, FlagKind DefaultKind, string DefaultReason, bool AsksForBodyAreas = false);

internal static class ScreeningQuestions
{
    public static IReadOnlyList<ScreeningQuestion> All { get; } =
    [
        new("cancer-treatment", "Are you currently being treated for cancer?", FlagKind.RequiresPhysicianClearance, "Cancer under treatment"),
        new("clotting", "Have you had a deep-vein thrombosis, or do you have a clotting disorder?", FlagKind.RequiresPhysicianClearance, "Deep-vein thrombosis or clotting disorder"),
        new("recent-surgery", "Have you had surgery in the last three months?", FlagKind.RequiresPhysicianClearance, "Recent surgery"),
        new("heart-condition", "Do you have a serious heart condition?", FlagKind.RequiresPhysicianClearance, "Serious heart condition"),
        new("pregnancy", "Are you pregnant?", FlagKind.RequiresPhysicianClearance, "Pregnancy (clinic policy)"),
        new("open-wound", "Do you have an open wound?", FlagKind.Local, "Open wound", AsksForBodyAreas: true),
        new("skin-infection", "Do you have a skin infection or rash?", FlagKind.Local, "Skin infection", AsksForBodyAreas: true),
        new("recent-fracture", "Have you had a fracture in the last six months?", FlagKind.Local, "Recent fracture", AsksForBodyAreas: true),
        new("varicose-veins", "Do you have varicose veins?", FlagKind.Local, "Varicose veins", AsksForBodyAreas: true),
        new("acute-inflammation", "Is any area acutely inflamed (hot, swollen, red)?", FlagKind.Local, "Acute inflammation", AsksForBodyAreas: true),
        new("anticoagulants", "Do you take anticoagulant (blood-thinning) medication?", FlagKind.ModifyPressure, "Anticoagulant medication (bruising)"),
        new("osteoporosis", "Do you have osteoporosis?", FlagKind.ModifyPressure, "Osteoporosis"),
        new("diabetes-sensation", "Do you have diabetes with reduced sensation?", FlagKind.ModifyPressure, "Diabetes with reduced sensation (pain feedback unreliable)"),
        new("low-pain-threshold", "Do you have a low pain threshold?", FlagKind.ModifyPressure, "Low pain threshold"),
        new("fever", "Do you have a fever today?", FlagKind.AbsoluteToday, "Fever"),
        new("acute-illness", "Are you acutely ill today (e.g. flu, stomach bug)?", FlagKind.AbsoluteToday, "Acute illness"),
        new("intoxication", "Have you taken alcohol or recreational drugs today?", FlagKind.AbsoluteToday, "Intoxication"),
    ];

    private static readonly Dictionary<string, ScreeningQuestion> ByKey = All.ToDictionary(q => q.Key, StringComparer.Ordinal);

    public static ScreeningQuestion? Find(string? key) => key is null ? null : ByKey.GetValueOrDefault(key);
}

/// <summary>The conditions clinics commonly treat with NMT (domain guide); the intake offers them as checkboxes.</summary>
internal static class CommonConditions
{
    public static IReadOnlyList<(string Key, string Name)> All { get; } =
    [
        ("lower-back-pain", "Lower back pain"),
        ("upper-back-pain", "Upper back pain"),
        ("neck-pain", "Neck pain"),
        ("tension-headaches", "Tension-type headaches"),
        ("thoracic-outlet", "Thoracic outlet syndrome"),
        ("carpal-tunnel-like", "Carpal-tunnel-like symptoms"),
        ("sciatica-like", "Sciatica-like symptoms"),
        ("frozen-shoulder", "Frozen shoulder (adhesive capsulitis)"),
        ("tendonitis", "Tendonitis"),
        ("epicondylitis", "Lateral or medial epicondylitis"),
        ("plantar-fasciitis", "Plantar fasciitis"),
        ("calf-cramps", "Calf cramps"),
        ("knee-pain", "Knee pain"),
        ("itb-friction", "Iliotibial band friction syndrome"),
        ("jaw-tmj", "Jaw pain and TMJ disorders"),
        ("whiplash", "Whiplash (sprain/strain)"),
        ("post-surgical", "Post-surgical recovery"),
        ("repetitive-strain", "Overuse and repetitive strain"),
        ("postural-imbalance", "Postural imbalance"),
        ("fibromyalgia", "Fibromyalgia"),
        ("migraine", "Migraine"),
    ];

    private static readonly HashSet<string> Keys = All.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string? key) => key is not null && Keys.Contains(key);

    public static string NameOf(string key) => All.FirstOrDefault(c => c.Key == key).Name ?? key;
}
