using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PracticeSuite.SystemTests;

/// <summary>What a person sees of the platform in a browser.</summary>
public sealed class PlatformJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_home_page_renders_styled_with_the_module_navigation()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal($"Home · {PracticeSuite.Platform.Clinic.ClinicIdentityEditor.DemoClinic.Name}", await page.TitleAsync()); // the demo clinic, not the software
        Assert.Equal("Alpha visits", (await page.Locator("nav a").First.InnerTextAsync()).Trim());
        // The stylesheet really applied: the top bar has its white background, not the browser default.
        Assert.Equal("rgb(255, 255, 255)", await page.Locator("header.topbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "home.png"), FullPage = true });
    }

    [Fact]
    public async Task A_form_with_bad_input_shows_the_message_beside_the_field_and_a_good_one_saves()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Alpha");
        await page.FillAsync("#Input_Fee", "12.5");
        await page.ClickAsync("form[method=post] button[type=submit]");

        // Web-first assertions wait for the posted page: the message's element is on the page before the post too.
        await Expect(page.Locator("#Input_VisitorName ~ .field-error")).ToHaveTextAsync("Enter the visitor's name.");
        Assert.Equal("12.5", await page.InputValueAsync("#Input_Fee"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "form-error.png"), FullPage = true });

        await page.FillAsync("#Input_VisitorName", "Browser Betty");
        await page.ClickAsync("form[method=post] button[type=submit]");
        // Saved, then redirected back to the same address: the list shows the new visit and no error is left.
        await Expect(page.Locator("table tbody")).ToContainTextAsync("Browser Betty");
        await Expect(page).ToHaveURLAsync(new Regex("/Alpha$"));
        await Expect(page.Locator("#Input_VisitorName ~ .field-error")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task An_unknown_address_shows_a_friendly_not_found_page_on_a_phone()
    {
        var page = await browser.NewPageAsync(390, 844);
        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", (await page.Locator("h1").InnerTextAsync()).Trim());
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page is wider than a phone screen");
    }
}

/// <summary>The clinic manager's operational views, signed in through the login page.</summary>
public sealed class OperationsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Manager = "manager@" + PracticeSuite.Platform.Accounts.AccountsStartup.DemoDomain;

    [Fact]
    public async Task A_manager_signs_in_and_reads_the_job_dashboard()
    {
        var page = await browser.SignedInPageAsync(Manager);
        await page.ClickAsync("nav a[href='/Operations/Jobs']");

        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("PracticeSuite background jobs"));
        await page.GotoAsync("/Operations/Jobs/recurring");
        await Expect(page.GetByText("Platform.messaging-sweep").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "jobs.png"), FullPage = true });

        await page.GotoAsync("/Operations/Messages");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Parked messages");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "parked-messages.png"), FullPage = true });
    }
}
