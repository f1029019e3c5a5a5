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
        await Expect(page.Locator("nav[aria-label='Client'] a")).ToHaveTextAsync(["Record", "Edit details", "Appointments"]);
        Assert.Equal(0, await page.Locator("a[href$='/Intake'], a[href$='/Clearance']").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"reception-record-{width}.png"), FullPage = true });

        await BrowserFixture.AssertAccessibleAsync(page, $"the record at {width}x{height}");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Reception_sees_results_while_typing_without_pressing_enter(int width, int height)
    {
        var page = await browser.SignedInPageAsync(Reception, width, height);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/Clients");
        var url = page.Url;
        var history = await page.EvaluateAsync<int>("() => window.history.length");

        // "onno" is inside O'Connor: found without Enter, the count announced, the address kept in step.
        await page.Locator("#q").PressSequentiallyAsync("onno", new LocatorPressSequentiallyOptions { Delay = 60 });
        await Expect(page.Locator("#clients tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#clients tbody tr")).ToContainTextAsync("Grace O'Connor");
        await Expect(page.Locator("#result-count[role='status']")).ToHaveTextAsync("1 client(s) matching “onno”");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Clients\?q=onno"));

        // Part of a phone number, typed the national way.
        await page.Locator("#q").FillAsync("");
        await page.Locator("#q").PressSequentiallyAsync("0900 117", new LocatorPressSequentiallyOptions { Delay = 60 });
        await Expect(page.Locator("#clients tbody tr")).ToHaveCountAsync(1); // the emptied box listed everyone first
        await Expect(page.Locator("#clients tbody tr")).ToContainTextAsync("Lily Robinson");

        // Nobody by that name: the offer to register them, still without a submit.
        await page.Locator("#q").FillAsync("");
        await page.Locator("#q").PressSequentiallyAsync("Zed Nobody", new LocatorPressSequentiallyOptions { Delay = 60 });
        await Expect(page.Locator("#register-offer a")).ToHaveTextAsync("Register “Zed Nobody”");
        await Expect(page.Locator("#result-count")).ToHaveTextAsync("0 client(s) matching “Zed Nobody”");
        Assert.Equal(history, await page.EvaluateAsync<int>("() => window.history.length")); // nothing was submitted: no new history entry
        Assert.NotEqual(url, page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"search-as-you-type-{width}.png"), FullPage = true });
        await BrowserFixture.AssertAccessibleAsync(page, $"the client list after typing at {width}x{height}");
        Assert.Empty(errors);
    }
}
