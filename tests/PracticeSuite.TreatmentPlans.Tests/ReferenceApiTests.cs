using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.TreatmentPlans.Tests;

/// <summary>The reference data over the API: pain zones, referral suggestions, the library and a clinic's own muscle.</summary>
public sealed class ReferenceApiTests(TreatmentPlansHost host) : IClassFixture<TreatmentPlansHost>
{
    [Fact]
    public async Task Pain_zones_are_finer_than_body_areas_and_sided_where_the_body_area_is()
    {
        var zones = (await host.Reception().GetJsonAsync("/api/treatmentplans/pain-zones")).AsArray();

        // 23 sites without sides (head, neck, trunk) and 35 with, each as a left and a right zone.
        Assert.Equal(93, zones.Count);
        var temple = zones.Single(z => z!["code"]!.GetValue<string>() == "temple")!;
        Assert.Equal("Temple", temple["name"]!.GetValue<string>());
        Assert.Equal("head", temple["bodyArea"]!.GetValue<string>());
        var heel = zones.Single(z => z!["code"]!.GetValue<string>() == "heel-left")!;
        Assert.Equal("Heel, left", heel["name"]!.GetValue<string>());
        Assert.Equal("ankle-foot-left", heel["bodyArea"]!.GetValue<string>());
    }

    [Fact]
    public async Task Referrals_rank_by_zones_covered_then_primary_zone_then_name_with_the_reason()
    {
        var suggestions = (await host.TherapistA().GetJsonAsync("/api/treatmentplans/referrals?zones=temple,side-of-neck,behind-ear")).AsArray();

        // Upper trapezius covers all three; temporalis and semispinalis capitis cover the temple only, and the temple is
        // temporalis's primary zone but not semispinalis's.
        Assert.Equal(["upper-trapezius", "temporalis", "semispinalis-capitis"], suggestions.Select(s => s!["muscle"]!.GetValue<string>()));
        Assert.Equal(["temple", "side-of-neck", "behind-ear"], suggestions[0]!["matchedZones"]!.AsArray().Select(z => z!.GetValue<string>()));
        Assert.Equal("refers to the temple, side of the neck and behind the ear", suggestions[0]!["reason"]!.GetValue<string>());
        Assert.Equal("refers to the temple", suggestions[1]!["reason"]!.GetValue<string>());
        Assert.Contains("Travell & Simons", suggestions[0]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zones=temple,elbow", "There is no pain zone 'elbow'.")]
    [InlineData("zones=", "Give at least one pain zone.")]
    public async Task Unknown_or_missing_zones_are_a_clear_400(string query, string message)
    {
        var response = await host.TherapistA().GetAsync($"/api/treatmentplans/referrals?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.FieldErrorsAsync();
        Assert.Contains(message, errors.SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())));
    }

    [Fact]
    public async Task Clients_and_strangers_cannot_read_the_reference_data()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientUser(People.ClientA).GetAsync("/api/treatmentplans/pain-zones")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/treatmentplans/referrals?zones=temple")).StatusCode);
    }

    [Fact]
    public async Task A_manager_adds_a_muscle_which_then_joins_the_suggestions_and_a_therapist_may_not()
    {
        var muscle = new
        {
            name = "Flexor hallucis longus",
            region = "Leg and foot",
            sided = true,
            sites = new[] { "sole", "big-toe" },
            primarySite = "big-toe",
            description = "The underside of the big toe and the sole.",
            source = "Clinic's course notes, 2025",
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await host.TherapistA().PostAsJsonAsync("/api/treatmentplans/muscles", muscle)).StatusCode);

        var added = await host.Manager().PostAsJsonAsync("/api/treatmentplans/muscles", muscle);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("clinic-flexor-hallucis-longus", JsonNode.Parse(await added.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());

        var suggestions = (await host.TherapistA().GetJsonAsync("/api/treatmentplans/referrals?zones=big-toe-right")).AsArray();
        // Tibialis anterior's primary zone is the big toe too; by name, Flexor hallucis longus comes first.
        Assert.Equal(["clinic-flexor-hallucis-longus", "tibialis-anterior"], suggestions.Select(s => s!["muscle"]!.GetValue<string>()));

        var again = await host.Manager().PostAsJsonAsync("/api/treatmentplans/muscles", muscle);
        Assert.Contains("The library already has Flexor hallucis longus.", (await again.FieldErrorsAsync())["Name"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"name":"Teres","region":"Nowhere","sites":["heel"],"description":"d","source":"s"}""", "Region")]
    [InlineData("""{"name":"Teres","region":"Trunk","sites":[],"description":"d","source":"s"}""", "Sites")]
    [InlineData("""{"name":"Teres","region":"Trunk","sites":["heel-left"],"description":"d","source":"s"}""", "Sites")]
    [InlineData("""{"name":"Teres","region":"Trunk","sites":["heel"],"primarySite":"sole","description":"d","source":"s"}""", "PrimarySite")]
    [InlineData("""{"name":"Teres","region":"Trunk","sites":["heel"],"description":"d"}""", "Source")]
    public async Task A_muscle_with_a_bad_part_is_refused_naming_the_field(string body, string field)
    {
        var response = await host.Manager().PostAsync("/api/treatmentplans/muscles", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.FieldErrorsAsync()).ContainsKey(field), await response.Content.ReadAsStringAsync());
    }
}
