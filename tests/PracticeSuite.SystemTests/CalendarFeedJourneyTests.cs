using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PracticeSuite.SystemTests;

/// <summary>
/// A therapist's and a client's calendar link pages, at a phone's size and a desk's: making a link shows it once, the
/// link answers with a calendar, revoking it says so and the link stops working. Each state fits, passes axe and has
/// controls big enough to tap. (The accessibility sweep opens the pages with a GET only, so it never sees a new link.)
/// </summary>
public sealed class CalendarFeedJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string TherapistA = "therapist.a@" + AccountsStartup.DemoDomain;
    private const string ClientA = "client.a@" + AccountsStartup.DemoDomain;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Making_showing_and_revoking_a_calendar_link(int width, int height)
    {
        foreach (var (email, path, who) in new[] { (TherapistA, "/Calendar/Feed", "therapist"), (ClientA, "/Portal/CalendarFeed", "client") })
        {
            var page = await browser.SignedInPageAsync(email, width, height);
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);

            await page.GotoAsync(path);
            await Expect(page.Locator("#feed-contents")).ToContainTextAsync("Nothing about health");
            await CheckAsync(page, $"{who} {path} {width}", $"calendar-feed-{who}");

            await page.ClickAsync("#make-link button");
            var link = await page.Locator("#feed-link").InputValueAsync();
            Assert.Matches(new Regex("^http://[^/]+/calendar/[A-Za-z0-9_-]{43}\\.ics$"), link);
            await CheckAsync(page, $"{who}'s new link {width}", $"calendar-feed-{who}-new");

            var feed = await page.APIRequest.GetAsync(link);
            Assert.Equal(200, feed.Status);
            Assert.Equal("text/calendar; charset=utf-8", feed.Headers["content-type"]);
            Assert.StartsWith("BEGIN:VCALENDAR", await feed.TextAsync());

            await page.GotoAsync(path);
            await Expect(page.Locator("#feed-state")).ToContainTextAsync("You made a calendar link on");
            await Expect(page.Locator("#feed-link")).ToHaveCountAsync(0); // never shown again
            await CheckAsync(page, $"{who} with a link {width}", $"calendar-feed-{who}-live");

            await page.ClickAsync("#revoke-link button");
            await Expect(page.Locator("body")).ToContainTextAsync("Your calendar link is revoked");
            await Expect(page.Locator("#feed-state")).ToHaveTextAsync("You have no calendar link.");
            Assert.Equal(404, (await page.APIRequest.GetAsync(link)).Status);
            Assert.Empty(errors);
            await page.Context.CloseAsync();
        }
    }

    private static async Task CheckAsync(IPage page, string what, string screenshot)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{screenshot}-{page.ViewportSize!.Width}.png"), FullPage = true });
        await BrowserFixture.AssertAccessibleAsync(page, what);
        if (page.ViewportSize.Width > 600)
        {
            return;
        }

        var tooSmall = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main input:not([type=hidden]), main button, main .button')]
                .map(e => {
                    const box = e.getBoundingClientRect();
                    if (box.width === 0 && box.height === 0) return null;
                    return box.width < 44 || box.height < 44 ? `${e.tagName} ${e.name || e.textContent.trim()} ${Math.round(box.width)}×${Math.round(box.height)}` : null;
                })
                .filter(found => found !== null)
            """);
        Assert.True(tooSmall.Length == 0, $"{what}: smaller than 44×44 on a phone: " + string.Join("; ", tooSmall.Take(10)));
    }
}
