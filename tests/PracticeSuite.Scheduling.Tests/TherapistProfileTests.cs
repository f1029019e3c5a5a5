using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Autofac;
using System.Text.Json.Nodes;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>
/// Therapists' profiles, kept by this module (ADR 0028): credentials that decide bookability on the clinic's date, a
/// biography and a photo for clients. The clock reads Friday 20 November 2026, 10:00 UTC.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class TherapistProfileTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    // A 1×1 PNG, as an image editor writes one.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private Browser Manager => Browser.For(host.Factory, PracticeRole.Manager, "user-manager");

    private static string EditUrl(Guid therapistId) => $"/Calendar/Settings/Therapists/{therapistId}";

    [Fact]
    public async Task A_photo_must_be_an_image_of_at_most_a_megabyte_and_is_then_served_to_anyone()
    {
        var browser = Manager;
        var url = EditUrl(People.TherapistA);
        // The seeded therapists have a drawn avatar: removed, there is no photo to serve.
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync($"/therapists/{People.TherapistA}/photo")).StatusCode);
        var removed = await browser.SubmitAsync((await browser.OpenAsync(url)).Form("form[action$='handler=RemovePhoto']"), null, url);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await browser.OpenAsync(url)).QuerySelector(".therapist-photo img"));

        var text = await UploadAsync(browser, url, "notes.png", "this is not a picture"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Contains("The file is not a PNG, JPEG or WebP image.", await text.Content.ReadAsStringAsync());
        var large = new byte[1024 * 1024 + 1];
        Png.CopyTo(large, 0);
        Assert.Contains("larger than 1 MB", await (await UploadAsync(browser, url, "big.png", large)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync($"/therapists/{People.TherapistA}/photo")).StatusCode);

        var saved = await UploadAsync(browser, url, "tara.png", Png);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await browser.OpenAsync(url);
        var src = page.QuerySelector<IHtmlImageElement>(".therapist-photo img")!.GetAttribute("src")!;
        Assert.StartsWith($"/therapists/{People.TherapistA}/photo?v=", src, StringComparison.Ordinal);

        var photo = await host.Anonymous().GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync($"/therapists/{Guid.NewGuid()}/photo")).StatusCode);
        Assert.Contains(host.Factory.Audit.Entries, e => e.Action.Code == "scheduling.therapist.profile-changed" && e.RecordId == People.TherapistA.ToString());

        var cards = await CardsAsync(host);
        Assert.Equal(src, cards[People.TherapistA]["photoPath"]!.GetValue<string>());
        Assert.StartsWith($"/therapists/{People.TherapistB}/photo?v=", cards[People.TherapistB]["photoPath"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_biography_is_kept_to_a_thousand_characters()
    {
        var browser = Manager;
        var url = EditUrl(People.TherapistB);
        var form = (await browser.OpenAsync(url)).Form("form[action$='handler=Bio']");

        var refused = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["Bio"] = new string('a', 1001) }, url);
        Assert.Contains("Keep the biography to 1000 characters or fewer.", refused.FieldErrors());

        const string bio = "Theo works with runners' calves and office shoulders.";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(form, new Dictionary<string, string?> { ["Bio"] = "  " + bio + " " }, url)).StatusCode);
        Assert.Equal(bio, (await CardsAsync(host))[People.TherapistB]["bio"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_credential_needs_every_field_and_an_unknown_therapist_has_no_page()
    {
        var browser = Manager;
        var url = EditUrl(People.TherapistB);
        var form = (await browser.OpenAsync(url)).Form("form[action$='handler=AddCredential']");
        var refused = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?>
        {
            ["Credential.Kind"] = "Diploma", ["Credential.Title"] = "", ["Credential.Number"] = "", ["Credential.Issuer"] = "", ["Credential.ExpiresOn"] = "",
        }, url);
        Assert.Equal(
            new[] { "Choose licence or certification.", "Say what it is, e.g. \"Massage therapy licence\".", "Enter the number.", "Enter who issued it.", "Enter the expiry date." }.Order(),
            refused.FieldErrors().Order());

        Assert.Equal(HttpStatusCode.NotFound, await browser.StatusAsync(EditUrl(Guid.NewGuid())));
    }

    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, string url, string fileName, byte[] bytes)
    {
        var form = (await browser.OpenAsync(url)).Form("form[action$='handler=Photo']");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "photo", fileName);
        return await browser.Http.PostAsync(form.GetAttribute("action"), content);
    }

    /// <summary>The public list of therapists (GET /api/scheduling/therapists, anonymous), by id.</summary>
    internal static async Task<Dictionary<Guid, JsonNode>> CardsAsync(SchedulingHost host) =>
        (await host.Anonymous().GetJsonAsync("/api/scheduling/therapists")).AsArray().ToDictionary(c => c!["therapistId"]!.GetValue<Guid>(), c => c!);
}

/// <summary>A licence lapsing soon warns the manager; once lapsed, the therapist cannot be booked. A host of its own: the clock moves.</summary>
[Trait("Category", "Persistence")]
public sealed class LicenceLapseTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    [Fact]
    public async Task A_licence_expiring_within_30_days_warns_the_manager_and_a_lapsed_one_stops_bookings()
    {
        var browser = Browser.For(host.Factory, PracticeRole.Manager, "user-manager");
        var url = $"/Calendar/Settings/Therapists/{People.TherapistB}";
        var form = (await browser.OpenAsync(url)).Form("form[action$='handler=AddCredential']");
        var added = await browser.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Credential.Kind"] = "Licence", ["Credential.Title"] = "Sports massage licence", ["Credential.Number"] = "SM-7", ["Credential.Issuer"] = "Board",
            ["Credential.ExpiresOn"] = "2026-11-30", // ten days on
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(TherapistBookability.Bookable, (await FindAsync(People.TherapistB))!.Bookability);

        var list = await browser.OpenAsync("/Calendar/Settings/Therapists");
        var warning = list.QuerySelector(".banner.warning")!.TextContent;
        Assert.Contains("Theo Therapist", warning);
        Assert.Contains("Sports massage licence (licence) expires on 30 Nov 2026", System.Text.RegularExpressions.Regex.Replace(warning, @"\s+", " "));

        host.Factory.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(TherapistBookability.LicenceLapsed, (await FindAsync(People.TherapistB))!.Bookability);
        Assert.Equal(TherapistBookability.Bookable, (await FindAsync(People.TherapistA))!.Bookability);
        var after = await browser.OpenAsync("/Calendar/Settings/Therapists");
        Assert.Equal("no: licence lapsed", after.QuerySelector($"tr[data-therapist-id='{People.TherapistB}'] td[data-label='Bookable']")!.TextContent.Trim());
        Assert.Contains(host.Factory.Audit.Entries, e => e.Action.Code == "scheduling.therapist.credential-added" && e.RecordId == People.TherapistB.ToString());
    }

    [Fact]
    public async Task A_therapist_whose_account_is_deactivated_is_not_bookable_and_not_on_the_public_list()
    {
        ((TwoTherapistAccounts)host.Factory.Container.Resolve<ITherapistAccounts>()).Deactivate(People.TherapistA);
        try
        {
            Assert.Equal(TherapistBookability.AccountDeactivated, (await FindAsync(People.TherapistA))!.Bookability);
            Assert.False((await TherapistProfileTests.CardsAsync(host)).ContainsKey(People.TherapistA));
            var list = await Browser.For(host.Factory, PracticeRole.Manager, "user-manager").OpenAsync("/Calendar/Settings/Therapists");
            Assert.Equal("no: account deactivated", list.QuerySelector($"tr[data-therapist-id='{People.TherapistA}'] td[data-label='Bookable']")!.TextContent.Trim());
        }
        finally
        {
            ((TwoTherapistAccounts)host.Factory.Container.Resolve<ITherapistAccounts>()).Reactivate(People.TherapistA);
        }
    }

    private async Task<TherapistSummary?> FindAsync(Guid therapistId)
    {
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        return await scope.Resolve<ITherapistDirectory>().FindAsync(therapistId, TestContext.Current.CancellationToken);
    }
}

/// <summary>A clinic in Auckland (UTC+13 in November), where the clinic's date runs ahead of UTC's.</summary>
public sealed class AucklandSchedulingHost : SchedulingHost
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Clinic:TimeZone"] = "Pacific/Auckland" };
}

[Trait("Category", "Persistence")]
public sealed class AucklandLicenceTests(AucklandSchedulingHost host) : IClassFixture<AucklandSchedulingHost>
{
    [Fact]
    public async Task A_licence_lapses_when_the_clinics_date_passes_its_expiry_even_while_utcs_has_not()
    {
        // 10:00 UTC on 20 November is 23:00 in Auckland; two hours on, it is 01:00 on the 21st there and still the 20th in UTC.
        await Credentials.AddAsync(host, People.TherapistB, "Licence", "2026-11-20");
        Assert.Equal(TherapistBookability.Bookable, (await FindAsync())!.Bookability); // its last valid day in Auckland
        host.Factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(TherapistBookability.LicenceLapsed, (await FindAsync())!.Bookability);
    }

    private async Task<TherapistSummary?> FindAsync()
    {
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        return await scope.Resolve<ITherapistDirectory>().FindAsync(People.TherapistB, TestContext.Current.CancellationToken);
    }
}

/// <summary>Records a credential through the manager's page, as a manager would.</summary>
internal static class Credentials
{
    public static async Task AddAsync(ModuleTestHost host, Guid therapistId, string kind, string expiresOn)
    {
        var browser = Browser.For(host.Factory, PracticeRole.Manager, "user-manager");
        var url = $"/Calendar/Settings/Therapists/{therapistId}";
        var form = (await browser.OpenAsync(url)).Form("form[action$='handler=AddCredential']");
        var added = await browser.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Credential.Kind"] = kind, ["Credential.Title"] = $"{kind} for a test", ["Credential.Number"] = "T-1", ["Credential.Issuer"] = "Board",
            ["Credential.ExpiresOn"] = expiresOn,
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
    }
}
