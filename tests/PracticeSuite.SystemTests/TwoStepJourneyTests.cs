using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PracticeSuite.SystemTests;

/// <summary>
/// Two-step sign-in in a browser (ADR 0021), at a phone's size and a desk's: a demo therapist sets it up from the QR
/// code's key, keeps the recovery codes, then signs in again through the second step. A fixture of its own: it turns
/// two-step sign-in on for the demo therapists.
/// </summary>
public sealed class TwoStepJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(390, 844, "therapist.a@" + AccountsStartup.DemoDomain)]
    [InlineData(1366, 900, "therapist.b@" + AccountsStartup.DemoDomain)]
    public async Task A_therapist_sets_it_up_and_signs_in_again_with_the_apps_code(int width, int height, string email)
    {
        var page = await browser.SignedInPageAsync(email, width, height);
        await page.GotoAsync("/Account/Manage");
        await page.ClickAsync("#two-step a:has-text('Set up two-step sign-in')");
        await Expect(page.Locator("svg.qr-code")).ToBeVisibleAsync();
        var qrWidth = await page.Locator("svg.qr-code").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(qrWidth, 150, width); // big enough to scan, never wider than the screen
        await BrowserFixture.AssertAccessibleAsync(page, $"the set-up page at {width}x{height}");
        await Shot(page, "two-step-setup", width);

        var key = (await page.Locator("#setup-key").InnerTextAsync()).Replace(" ", "");
        await page.FillAsync("#Code", Totp.WrongCodeFor(key));
        await page.ClickAsync("main form[method=post] button[type=submit]");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("That code did not match");
        await BrowserFixture.AssertAccessibleAsync(page, $"the set-up page refusing a code at {width}x{height}");

        await page.FillAsync("#Code", Totp.Now(key));
        await page.ClickAsync("main form[method=post] button[type=submit]");
        await Expect(page.Locator("#recovery-codes code")).ToHaveCountAsync(TwoStepSignIn.RecoveryCodeCount);
        await BrowserFixture.AssertAccessibleAsync(page, $"the recovery codes at {width}x{height}");
        await Shot(page, "two-step-recovery-codes", width);

        // A new browser: the password, then the second step.
        var again = await browser.NewPageAsync(width, height);
        await again.GotoAsync("/Account/Login");
        await again.FillAsync("input[name='Input.Email']", email);
        await again.FillAsync("input[name='Input.Password']", AccountsStartup.DemoPassword);
        await again.ClickAsync("main form button[type=submit]");
        await Expect(again).ToHaveURLAsync(new Regex("/Account/TwoStep"));
        await Expect(again.Locator("a:has-text('Use a recovery code instead')")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(again, $"the second step at {width}x{height}");
        await Shot(again, "two-step-sign-in", width);

        await again.FillAsync("#Code", Totp.WrongCodeFor(key));
        await again.ClickAsync("main form[method=post] button[type=submit]");
        await Expect(again.Locator(".error-summary")).ToContainTextAsync("That code did not sign you in");
        await BrowserFixture.AssertAccessibleAsync(again, $"the second step refusing a code at {width}x{height}");

        await again.FillAsync("#Code", Totp.Now(key));
        await again.ClickAsync("main form[method=post] button[type=submit]");
        await Expect(again).Not.ToHaveURLAsync(new Regex("/Account/"));
        await again.GotoAsync("/Account/Manage");
        await Expect(again.Locator("#two-step .status-chip")).ToHaveTextAsync("On");
        await BrowserFixture.AssertAccessibleAsync(again, $"the account page with two-step sign-in on at {width}x{height}");
    }

    private static Task Shot(IPage page, string name, int width) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
}
