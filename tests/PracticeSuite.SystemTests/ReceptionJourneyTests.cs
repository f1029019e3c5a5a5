using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PracticeSuite.SystemTests;

/// <summary>The front desk on the demo data, at a phone's size and a desk's: a client's record with flags, no health answers.</summary>
public sealed class ReceptionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Reception = "reception@" + AccountsStartup.DemoDomain;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Reception_finds_a_client_and_sees_the_flags_without_a_way_into_the_intake(int width, int height)
    {
        var page = await browser.SignedInPageAsync(Reception, width, height);
        await page.GotoAsync("/Clients?q=case");
        await Expect(page.Locator("#clients tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync("#clients a:has-text('Casey Client')");

        await Expect(page.Locator("section.flags-banner")).ToContainTextAsync("Recent surgery");
        await Expect(page.Locator("nav[aria-label='Client'] a")).ToHaveTextAsync(["Record", "Edit details"]);
        Assert.Equal(0, await page.Locator("a[href$='/Intake'], a[href$='/Clearance']").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"reception-record-{width}.png"), FullPage = true });

        await BrowserFixture.AssertAccessibleAsync(page, $"the record at {width}x{height}");
    }
}
