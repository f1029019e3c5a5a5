using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PracticeSuite.SystemTests;

/// <summary>
/// A manager keeps a therapist's profile (ADR 0028): a new photo, a licence recorded, and the list that says who may be
/// booked. On the demo clinic; Theo's certification expires within the warning window from the start.
/// </summary>
public sealed class TherapistProfileJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Manager = "manager@" + AccountsStartup.DemoDomain;

    // A 1×1 PNG, as an image editor writes one.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task A_manager_changes_a_therapists_photo_and_records_a_licence(int width, int height)
    {
        var page = await browser.SignedInPageAsync(Manager, width, height);
        await page.GotoAsync("/Calendar/Settings/Therapists");
        await Expect(page.Locator(".banner.warning")).ToContainTextAsync("Theo Therapist");
        await Screenshot(page, $"therapists-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the therapists at {width}");

        await page.Locator("#therapists a", new() { HasText = "Tara Therapist" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Calendar/Settings/Therapists/[0-9a-f-]{36}$"));
        var before = await page.Locator(".therapist-photo img").GetAttributeAsync("src");
        await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = $"tara-{width}.png", MimeType = "image/png", Buffer = Png });
        await page.ClickAsync("form[action$='handler=Photo'] button[type=submit]");
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync("The photo is saved.");
        Assert.NotEqual(before, await page.Locator(".therapist-photo img").GetAttributeAsync("src")); // a new address for the new photo

        var title = $"Sports massage licence {width}";
        await page.FillAsync("#Credential_Title", title);
        await page.FillAsync("#Credential_Number", $"SM-{width}");
        await page.FillAsync("#Credential_Issuer", "State Board of Massage Therapy");
        await page.FillAsync("#Credential_ExpiresOn", DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd"));
        await page.ClickAsync("form[action$='handler=AddCredential'] button[type=submit]");
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync("The credential is added.");
        await Expect(page.Locator("#credentials tbody")).ToContainTextAsync(title);
        await Expect(page.Locator("h1 .status-chip")).ToHaveTextAsync("bookable");
        await Screenshot(page, $"therapist-profile-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"a therapist's profile at {width}");
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });
}
