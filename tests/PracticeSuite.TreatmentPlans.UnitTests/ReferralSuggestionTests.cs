using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using Xunit;

namespace PracticeSuite.TreatmentPlans.UnitTests;

/// <summary>The referral ranking over small hand-made libraries (so each expected order is worked out by hand), and the shipped data's integrity.</summary>
public sealed class ReferralSuggestionTests
{
    private static Muscle Muscle(string name, string primary, params string[] sites) =>
        new(name.ToLowerInvariant(), name, MuscleLibrary.Trunk, true, new ReferralPattern(primary, sites, "words", "source"));

    private static IReadOnlyList<PainZone> Zones(params string[] codes) => codes.Select(c => PainZones.Find(c)!).ToList();

    private static IReadOnlyList<string> Names(IReadOnlyList<ReferralSuggestion> suggestions) => suggestions.Select(s => s.Muscle.Name).ToList();

    [Fact]
    public void More_zones_covered_ranks_first_even_against_the_alphabet_and_a_primary_zone()
    {
        var library = new[]
        {
            Muscle("Alpha", "temple", "temple"),
            Muscle("Zulu", "jaw", "temple", "jaw"),
        };

        Assert.Equal(["Zulu", "Alpha"], Names(ReferralSuggestions.Suggest(library, Zones("temple", "jaw"))));
    }

    [Fact]
    public void With_as_many_zones_covered_a_primary_zone_ranks_first_even_against_the_alphabet()
    {
        var library = new[]
        {
            Muscle("Alpha", "jaw", "temple", "jaw"),
            Muscle("Zulu", "temple", "temple"),
        };

        // Both cover only the temple; it is Zulu's primary zone, not Alpha's.
        Assert.Equal(["Zulu", "Alpha"], Names(ReferralSuggestions.Suggest(library, Zones("temple"))));
    }

    [Fact]
    public void Otherwise_by_name_ignoring_case()
    {
        var library = new[]
        {
            Muscle("bravo", "temple", "temple"),
            Muscle("Charlie", "temple", "temple"),
            Muscle("Alpha", "temple", "temple"),
        };

        Assert.Equal(["Alpha", "bravo", "Charlie"], Names(ReferralSuggestions.Suggest(library, Zones("temple"))));
    }

    [Fact]
    public void A_muscle_whose_pattern_misses_every_zone_is_left_out()
    {
        var library = new[] { Muscle("Alpha", "heel", "heel"), Muscle("Bravo", "temple", "temple") };

        Assert.Equal(["Bravo"], Names(ReferralSuggestions.Suggest(library, Zones("temple"))));
    }

    [Fact]
    public void A_sided_zone_matches_its_site_and_the_reason_names_the_places_in_the_order_given()
    {
        var library = new[] { Muscle("Alpha", "heel", "heel", "sole", "calf") };

        var suggestion = ReferralSuggestions.Suggest(library, Zones("sole-left", "heel-left")).Single();

        Assert.Equal(["sole-left", "heel-left"], suggestion.MatchedZones.Select(z => z.Code));
        Assert.True(suggestion.PrimaryMatched);
        Assert.Equal("refers to the sole and heel", suggestion.Reason);
    }

    [Fact]
    public void Both_sides_of_one_site_count_as_two_zones_covered()
    {
        var library = new[] { Muscle("Alpha", "calf", "calf"), Muscle("Bravo", "heel", "heel", "sole") };

        // Alpha covers the left and the right calf (2); Bravo the left heel (1).
        Assert.Equal(["Alpha", "Bravo"], Names(ReferralSuggestions.Suggest(library, Zones("calf-left", "heel-left", "calf-right"))));
    }

    [Fact]
    public void The_shipped_library_names_the_domain_guides_muscles_and_twenty_more_each_with_a_source_and_known_zones()
    {
        var codes = MuscleLibrary.Shipped.Select(m => m.Code).ToList();
        string[] guide =
        [
            "upper-trapezius", "levator-scapulae", "sternocleidomastoid", "suboccipitals", "scalenes", "temporalis", "masseter",
            "infraspinatus", "supraspinatus", "subscapularis", "pectoralis-minor", "wrist-extensors", "wrist-flexors", "pronator-teres",
            "quadratus-lumborum", "iliopsoas", "gluteus-medius", "gluteus-minimus", "piriformis", "tensor-fasciae-latae", "rectus-femoris",
            "vastus-medialis", "gastrocnemius", "soleus", "quadratus-plantae", "abductor-hallucis",
        ];
        Assert.All(guide, code => Assert.Contains(code, codes));
        Assert.True(codes.Count >= guide.Length + 20, $"{codes.Count} muscles");
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(MuscleLibrary.Shipped, m =>
        {
            Assert.Contains(m.Pattern.PrimarySite, m.Pattern.Sites);
            Assert.All(m.Pattern.Sites, site => Assert.NotNull(PainZones.FindSite(site)));
            Assert.StartsWith("Travell & Simons", m.Pattern.Source, StringComparison.Ordinal);
            Assert.Contains(m.Region, MuscleLibrary.Regions);
        });
    }

    [Fact]
    public void Every_zone_lies_within_one_of_the_clients_body_areas()
    {
        Assert.All(PainZones.All, zone => Assert.True(BodyAreas.IsKnown(zone.BodyAreaCode), $"{zone.Code} → {zone.BodyAreaCode}"));
        Assert.Equal(PainZones.All.Count, PainZones.All.Select(z => z.Code).Distinct().Count());
    }

    [Fact]
    public void A_clinics_muscle_code_is_made_from_its_name()
    {
        Assert.Equal("clinic-flexor-hallucis-longus", ClinicMuscle.CodeFor("Flexor hallucis  longus"));
        Assert.Equal("clinic-m-1-x", ClinicMuscle.CodeFor(" M. (1) x "));
    }
}
