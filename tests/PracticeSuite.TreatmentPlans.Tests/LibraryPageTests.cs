using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.TreatmentPlans.Tests;

/// <summary>
/// The muscle library page and the body chart, rendered by the real host and read as HTML: the patterns in words and
/// on the chart without script, the "which muscles refer here?" question, and the manager's own muscles.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class LibraryPageTests(TreatmentPlansHost host) : IClassFixture<TreatmentPlansHost>
{
    private const string Library = "/TreatmentPlans/Library";

    private Browser Manager => Browser.For(host.Factory, PracticeRole.Manager, "user-manager");

    private Browser TherapistA => Browser.For(host.Factory, PracticeRole.Therapist, "user-" + People.TherapistA, therapistId: People.TherapistA);

    [Fact]
    public async Task The_library_lists_shipped_muscles_by_region_with_their_pattern_and_source()
    {
        var page = await TherapistA.OpenAsync(Library);

        Assert.Equal(["Head and neck", "Shoulder and arm", "Forearm and hand", "Trunk", "Hip and thigh", "Leg and foot"],
            page.QuerySelectorAll("#muscles h3").Select(h => h.TextContent.Trim()));
        var trapezius = page.QuerySelector("#muscles li[data-muscle='upper-trapezius']")!;
        Assert.Equal("Upper trapezius", trapezius.QuerySelector(".muscle-name")!.TextContent.Trim());
        Assert.Equal("/TreatmentPlans/Library?muscle=upper-trapezius#pattern", trapezius.QuerySelector(".muscle-name")!.GetAttribute("href"));
        Assert.Equal("side-of-neck behind-ear temple", trapezius.QuerySelector(".muscle-name")!.GetAttribute("data-zones"));
        Assert.Equal("Shipped", trapezius.QuerySelector("[data-origin]")!.TextContent.Trim());
        Assert.Equal("Source: Travell & Simons, Myofascial Pain and Dysfunction: The Trigger Point Manual, vol. 1, upper half of body",
            trapezius.QuerySelector("[data-source]")!.TextContent.Trim());
        Assert.Contains("Main zone: Side of the neck", trapezius.TextContent, StringComparison.Ordinal);
        Assert.Contains("Refers to: Side of the neck, Behind the ear, Temple.", trapezius.TextContent, StringComparison.Ordinal);
        // A sided muscle's pattern lights both sides of a sided site.
        Assert.Equal("calf-left calf-right heel-left heel-right",
            page.QuerySelector("#muscles li[data-muscle='soleus'] .muscle-name")!.GetAttribute("data-zones")!.Split(' ').Order().Aggregate((a, b) => a + " " + b));
        Assert.Empty(page.QuerySelectorAll("#library-chart path.zone.referral")); // nothing shown until a muscle is chosen
        Assert.Equal(93, page.QuerySelectorAll("#library-chart path.zone[data-zone]").Length);
    }

    [Fact]
    public async Task Choosing_a_muscle_without_script_draws_its_pattern_on_the_chart()
    {
        var page = await TherapistA.OpenAsync(Library + "?muscle=upper-trapezius");

        Assert.Equal(["temple", "side-of-neck", "behind-ear"], page.QuerySelectorAll("#library-chart path.zone.referral").Select(p => p.GetAttribute("data-zone")!));
        Assert.Equal("Temple", page.QuerySelector("#library-chart path.zone.referral[data-zone='temple'] title")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#muscles li[data-muscle='upper-trapezius'] .muscle-name")!.GetAttribute("aria-current"));
        Assert.Contains("Showing Upper trapezius: Side of the neck, Behind the ear, Temple.", page.QuerySelector("[data-preview-for='library-chart']")!.TextContent, StringComparison.Ordinal);

        var unknown = await TherapistA.OpenAsync(Library + "?muscle=no-such-muscle");
        Assert.Empty(unknown.QuerySelectorAll("#library-chart path.zone.referral"));
    }

    [Fact]
    public async Task Asking_which_muscles_refer_to_the_temple_and_side_of_the_neck_puts_upper_trapezius_first()
    {
        var page = await TherapistA.OpenAsync(Library + "?zones=temple&zones=side-of-neck");

        var suggestions = page.QuerySelectorAll("#suggestions li").ToList();
        Assert.Equal("upper-trapezius", suggestions[0].GetAttribute("data-muscle"));
        Assert.Equal("Upper trapezius", suggestions[0].QuerySelector("strong")!.TextContent);
        Assert.Contains("refers to the temple and side of the neck", suggestions[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Up the side of the neck to behind the ear", suggestions[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(["temple", "side-of-neck"], page.QuerySelectorAll("#library-chart path.zone.marked").Select(p => p.GetAttribute("data-zone")!));
        Assert.True(page.QuerySelector<IHtmlInputElement>("#question-zones-temple")!.IsChecked); // the question stays asked

        var bad = await TherapistA.OpenAsync(Library + "?zones=elbow");
        Assert.Contains("There is no pain zone 'elbow'.", bad.FieldErrors());
        Assert.Null(bad.QuerySelector("#suggestions"));
    }

    [Fact]
    public async Task A_manager_adds_a_muscle_from_chosen_zones_and_sees_it_with_its_pattern()
    {
        var browser = Manager;
        var page = await browser.OpenAsync(Library);
        var form = page.Form("#add-muscle form");
        var response = await browser.Http.PostAsync(form.Action, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            new("Input.Name", "Flexor hallucis longus"),
            new("Input.Region", "Leg and foot"),
            new("Input.Sided", "true"),
            new("Input.Zones", "big-toe-left"),
            new("Input.Zones", "sole-right"), // either side stands for the site
            new("Input.Zones", "sole-left"),
            new("Input.PrimarySite", "big-toe"),
            new("Input.Description", "The underside of the big toe and the ball of the foot."),
            new("Input.Source", "Travell & Simons, vol. 2"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/TreatmentPlans/Library?muscle=clinic-flexor-hallucis-longus#clinic-flexor-hallucis-longus", response.Headers.Location!.OriginalString);

        var after = await TherapistA.OpenAsync("/TreatmentPlans/Library?muscle=clinic-flexor-hallucis-longus");
        var added = after.QuerySelector("#muscles li[data-muscle='clinic-flexor-hallucis-longus']")!;
        Assert.Equal("Clinic's own", added.QuerySelector("[data-origin]")!.TextContent.Trim());
        Assert.Contains("Main zone: Big toe", added.TextContent, StringComparison.Ordinal);
        Assert.Contains("Refers to: Big toe, Sole.", added.TextContent, StringComparison.Ordinal);
        Assert.Equal(["big-toe-left", "big-toe-right", "sole-left", "sole-right"],
            after.QuerySelectorAll("#library-chart path.zone.referral").Select(p => p.GetAttribute("data-zone")!).Order());
    }

    [Fact]
    public async Task An_add_without_zones_or_with_a_main_zone_outside_them_is_refused_on_the_page()
    {
        var browser = Manager;
        var page = await browser.OpenAsync(Library);
        var fields = new Dictionary<string, string?>
        {
            ["Input.Name"] = "Extensor hallucis longus",
            ["Input.Region"] = "Leg and foot",
            ["Input.Description"] = "The top of the big toe.",
            ["Input.Source"] = "Travell & Simons, vol. 2",
        };

        var noZones = await browser.SubmitExpectingPageAsync(page.Form("#add-muscle form"), fields, Library + "?handler=Add");
        Assert.Contains("Choose from 1 to 12 places the pain is referred to.", noZones.FieldErrors());
        Assert.Equal("Extensor hallucis longus", noZones.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value); // kept for the next try

        fields["Input.Zones"] = "big-toe-left";
        fields["Input.PrimarySite"] = "heel";
        var wrongMain = await browser.SubmitExpectingPageAsync(page.Form("#add-muscle form"), fields, Library + "?handler=Add");
        Assert.Contains("The main referral zone must be one of the zones chosen.", wrongMain.FieldErrors());
        Assert.Null((await TherapistA.OpenAsync(Library)).QuerySelector("#muscles li[data-muscle='clinic-extensor-hallucis-longus']"));
    }

    [Fact]
    public async Task A_therapist_reads_the_library_but_gets_no_add_form_and_a_post_is_refused()
    {
        var browser = TherapistA;
        var page = await browser.OpenAsync(Library);
        Assert.Null(page.QuerySelector("#add-muscle"));

        // The token of the page's own sign-out form: a valid post in every other way.
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await browser.Http.PostAsync(Library + "?handler=Add", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.Name", "Therapist's muscle"),
            new("Input.Region", "Trunk"),
            new("Input.Zones", "chest"),
            new("Input.Description", "The chest."),
            new("Input.Source", "A course"),
        ]));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/Status/403", StringComparison.Ordinal) == true,
            $"expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Null((await browser.OpenAsync(Library)).QuerySelector("#muscles li[data-muscle='clinic-therapist-s-muscle']"));
    }

    [Fact]
    public async Task The_assessment_shows_its_complaints_and_referrals_on_the_chart_and_charts_above_both_zone_lists()
    {
        var therapist = host.TherapistA();
        var assessment = await therapist.StartAssessmentAsync(People.ClientA);
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/assessments/{assessment}/complaints",
            new { zones = new[] { "temple", "back-of-neck" }, painNow = 5, painWorst = 7 })).EnsureSuccessAsync();
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/assessments/{assessment}/trigger-points",
            new { muscle = "upper-trapezius", side = "Left", active = true, referralZones = new[] { "behind-ear" }, tenderness = 6 })).EnsureSuccessAsync();

        var page = await TherapistA.OpenAsync($"/TreatmentPlans/Assessments/{assessment}");

        Assert.Equal(["temple", "back-of-neck"], page.QuerySelectorAll("#findings-chart path.zone.marked").Select(p => p.GetAttribute("data-zone")!));
        Assert.Equal(["behind-ear"], page.QuerySelectorAll("#findings-chart path.zone.referral").Select(p => p.GetAttribute("data-zone")!));
        Assert.Equal("true", page.QuerySelector("#findings-chart svg")!.GetAttribute("aria-hidden"));
        // The interactive charts drive the zone lists just below them; the lists stay the way to choose.
        Assert.Equal("complaint-zones", page.QuerySelector("#complaint-chart")!.GetAttribute("data-picker"));
        Assert.NotNull(page.QuerySelector("#complaint-chart + fieldset#complaint-zones"));
        Assert.Equal("referral-zones", page.QuerySelector("#referral-chart")!.GetAttribute("data-picker"));
        Assert.NotNull(page.QuerySelector("#referral-chart + fieldset#referral-zones"));
        Assert.NotNull(page.QuerySelector("script[src='/_modules/treatmentplans/bodychart.js'][defer]"));
        // The front view says whose side is whose.
        Assert.Equal("Front Client's right Client's left", Squash(page.QuerySelectorAll("#complaint-chart .body-chart-sides")[0].TextContent));
        Assert.Equal("Back Client's left Client's right", Squash(page.QuerySelectorAll("#complaint-chart .body-chart-sides")[1].TextContent));
    }

    [Fact]
    public async Task The_plan_shows_its_assessments_findings_and_shades_the_areas_to_avoid_with_a_legend()
    {
        var plan = (await host.SeedPersonasAsync())["planId"];
        // Client A answers "yes" to varicose veins in the left lower leg: a local flag, so an area to avoid.
        string[] questions =
        [
            "cancer-treatment", "clotting", "recent-surgery", "heart-condition", "pregnancy", "open-wound", "skin-infection",
            "recent-fracture", "varicose-veins", "acute-inflammation", "anticoagulants", "osteoporosis", "diabetes-sensation",
            "low-pain-threshold", "fever", "acute-illness", "intoxication",
        ];
        await (await host.Manager().PostAsJsonAsync($"/api/clients/{People.ClientA}/intake", new Dictionary<string, object?>
        {
            ["reasonForVisit"] = "Neck pain",
            ["goals"] = "Less pain",
            ["conditions"] = new[] { "neck-pain" },
            ["screening"] = questions.Select(key => new { questionKey = key, answer = key == "varicose-veins", bodyAreas = key == "varicose-veins" ? new[] { "lower-leg-left" } : [] }).ToArray(),
            ["medications"] = "None",
            ["surgeriesAndInjuries"] = Array.Empty<object>(),
            ["allergies"] = "None",
            ["previousMassage"] = true,
        })).EnsureSuccessAsync();

        var page = await TherapistA.OpenAsync($"/TreatmentPlans/Plans/{plan}");

        // The seeded assessment: a complaint at the side of the neck and the temple, a trigger point referring to the temple.
        Assert.Equal(["temple", "side-of-neck"], page.QuerySelectorAll("#plan-chart path.zone.marked").Select(p => p.GetAttribute("data-zone")!));
        Assert.Equal(["temple"], page.QuerySelectorAll("#plan-chart path.zone.referral").Select(p => p.GetAttribute("data-zone")!));
        // Every zone of the left lower leg, on both views, and nothing else; hatched over as well as edged.
        Assert.Equal(["calf-left", "outer-leg-left", "shin-left"], page.QuerySelectorAll("#plan-chart path.zone.avoid").Select(p => p.GetAttribute("data-zone")!).Order());
        Assert.Equal(3, page.QuerySelectorAll("#plan-chart path.avoid-hatch").Length);
        Assert.Equal(["Complaint at the assessment (solid)", "Referral felt from a trigger point (dashed edge)", "Area to avoid (hatched, red edge): Left lower leg and calf"],
            page.QuerySelectorAll("#plan-chart .body-chart-legend li").Select(li => Squash(li.TextContent)));
        Assert.Null(page.QuerySelector("#plan-chart[data-picker]:not([data-picker=''])")); // read-only
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
