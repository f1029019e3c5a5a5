using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PracticeSuite.SystemTests;

/// <summary>The Clients module as its people use it, on the demo data: a therapist at a desk, a client on a phone.</summary>
public sealed class ClientsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string TherapistA = "therapist.a@" + AccountsStartup.DemoDomain;
    private const string ClientA = "client.a@" + AccountsStartup.DemoDomain;

    [Fact]
    public async Task A_therapist_finds_their_client_and_sees_the_screening_flag_on_every_view()
    {
        var page = await browser.SignedInPageAsync(TherapistA);
        await page.ClickAsync("nav a[href='/Clients']");
        await page.FillAsync("#q", "case");
        await page.PressAsync("#q", "Enter");
        // Web-first assertions wait for the page the action leads to, which may not have arrived yet.
        await Expect(page.Locator("#clients tbody tr")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "clients-list.png"), FullPage = true });

        await page.ClickAsync("#clients a:has-text('Casey Client')");
        var banner = page.Locator("section.flags-banner");
        await Expect(banner).ToContainTextAsync("Recent surgery");
        Assert.Equal("false", await banner.GetAttributeAsync("data-may-start-plan"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "client-record.png"), FullPage = true });

        await page.ClickAsync("ul.tabs a:has-text('Intake')");
        await Expect(page).ToHaveURLAsync(new Regex("/Intake$"));
        await Expect(page.Locator("section.flags-banner")).ToContainTextAsync("Recent surgery");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "client-intake-staff.png"), FullPage = true });
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task A_client_answers_the_health_questions_a_step_at_a_time_each_step_saved(int width, int height)
    {
        var page = await browser.SignedInPageAsync(ClientA, width, height);
        await page.GotoAsync("/Portal/Intake");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Step 1 of 5: Why you are coming");
        await page.FillAsync("#Input_ReasonForVisit", "");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await BrowserFixture.AssertAccessibleAsync(page, $"the first step refused at {width}");

        await page.FillAsync("#Input_ReasonForVisit", $"Stiff neck, seen at {width} px");
        await page.ClickAsync("main form button:has-text('Save and continue')");
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync("Saved. Step 1 of 5 is done; you can stop here and carry on later.");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Step 2 of 5: Conditions");
        await page.ClickAsync("main form a:has-text('Back')");
        await Expect(page.Locator("#Input_ReasonForVisit")).ToHaveValueAsync($"Stiff neck, seen at {width} px");

        for (var step = 1; step <= 4; step++)
        {
            await page.ClickAsync("main form button:has-text('Save and continue')");
            await Expect(page.Locator("#step-title")).ToContainTextAsync($"Step {step + 1} of 5");
            if (step + 1 == 3)
            {
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the health questions fit the screen");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"portal-intake-step3-{width}.png"), FullPage = true });
                await BrowserFixture.AssertAccessibleAsync(page, $"the health questions at {width}");
            }
        }

        await page.ClickAsync("main form button:has-text('Send my answers')");
        await Expect(page).ToHaveURLAsync(new Regex("/Portal$"));
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync("Thank you: your answers are sent to the clinic. Update them here whenever your health changes.");
    }

    [Fact]
    public async Task A_client_on_a_phone_is_refused_an_unsigned_consent_then_signs_it()
    {
        var page = await browser.SignedInPageAsync(ClientA, width: 390, height: 844);
        await page.ClickAsync(".menu-toggle"); // on a phone the top navigation is folded into a menu
        await page.ClickAsync("nav a[href='/Portal']");
        await Expect(page.Locator("#consent-reminder")).ToBeVisibleAsync();

        await page.ClickAsync("#consent-reminder a");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Consent to treatment");
        await page.ClickAsync("main form button[type=submit]");
        // Signing without a typed name shows why.
        // The error summary takes the focus, and its link leads to the field.
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await page.ClickAsync(".error-summary a[href='#Input_TypedName']");
        await Expect(page).ToHaveURLAsync(new Regex("#Input_TypedName$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "portal-consent-error.png"), FullPage = true });

        await page.CheckAsync("input[name='Input.Agreed']");
        await page.FillAsync("input[name='Input.TypedName']", "Casey Client");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("#signed")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "portal-consent-signed.png"), FullPage = true });

        await page.GotoAsync("/Portal");
        Assert.Equal(0, await page.Locator("#consent-reminder").CountAsync());
    }

    [Fact]
    public async Task On_a_phone_the_top_navigation_is_a_menu_and_every_control_is_big_enough_to_tap()
    {
        var page = await browser.SignedInPageAsync(ClientA, width: 390, height: 844);
        await page.GotoAsync("/Portal/Intake?step=3"); // the health questions: the most controls
        await Expect(page.Locator("#main-nav")).ToBeHiddenAsync();
        await page.ClickAsync(".menu-toggle");
        await Expect(page.Locator("#main-nav")).ToBeVisibleAsync();
        Assert.Equal("true", await page.GetAttributeAsync(".menu-toggle", "aria-expanded"));

        // A radio button or a checkbox is tapped through its label, so the label is what must be big enough.
        var tooSmall = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, summary, nav a, .topbar a')]
                .map(e => {
                    const target = (e.type === 'checkbox' || e.type === 'radio') ? (e.closest('label') ?? e) : e;
                    const box = target.getBoundingClientRect();
                    if (box.width === 0 && box.height === 0) return null; // not shown
                    return box.width < 44 || box.height < 44 ? `${e.tagName} ${e.name || e.textContent.trim()} ${Math.round(box.width)}×${Math.round(box.height)}` : null;
                })
                .filter(found => found !== null)
            """);
        Assert.True(tooSmall.Length == 0, "Smaller than 44×44 on a phone: " + string.Join("; ", tooSmall.Take(10)));
        Assert.True(await page.Locator("input[type=radio]").CountAsync() > 20); // the sweep saw the intake's answers
    }

    [Fact]
    public async Task On_a_phone_the_client_list_reads_as_cards()
    {
        var page = await browser.SignedInPageAsync(TherapistA, width: 390, height: 844);
        await page.GotoAsync("/Clients");
        var firstRow = page.Locator("#clients tbody tr").First;
        await Expect(firstRow).ToBeVisibleAsync();
        Assert.Equal("block", await firstRow.EvaluateAsync<string>("row => getComputedStyle(row).display"));
        Assert.Equal("\"Date of birth\"", await page.Locator("#clients tbody tr td[data-label='Date of birth']").First.EvaluateAsync<string>("cell => getComputedStyle(cell, '::before').content"));
        await BrowserFixture.AssertAccessibleAsync(page, "the client list on a phone");
    }
}

/// <summary>
/// Every page of the Clients module and the platform's managers' pages opens for the people it is for, at a phone's
/// size and a desk's, with its heading, no script errors, nothing wider than the screen and no axe violation.
/// </summary>
public sealed class ClientsPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Every_staff_portal_and_managers_page_renders_accessibly_for_its_people(int width, int height)
    {
        var manager = await browser.SignedInPageAsync("manager@" + AccountsStartup.DemoDomain, width, height);
        var errors = new List<string>();
        manager.PageError += (_, error) => errors.Add(error);
        await manager.GotoAsync("/Clients?q=casey");
        var recordPath = await manager.Locator("#clients a").First.GetAttributeAsync("href");
        Assert.NotNull(recordPath);
        await manager.GotoAsync(recordPath);
        var clearancePath = await manager.Locator("a:has-text('Record clearance')").First.GetAttributeAsync("href");

        string[] staffPages = ["/Clients", "/Clients/New", recordPath, $"{recordPath}/Intake", $"{recordPath}/Edit", $"{recordPath}/History",
            $"{recordPath}/History?views=true", $"{recordPath}/Export", clearancePath!, "/Clients/Settings/Consent", "/Clients/Settings/ScreeningRules",
            "/Manage/Audit", "/Manage/Clinic", "/Manage/Email", "/Manage/Staff", "/Calendar/Settings/Therapists", "/Operations/Messages"];
        await VisitAllAsync(manager, staffPages, $"manager-{width}");

        var client = await browser.SignedInPageAsync("client.b@" + AccountsStartup.DemoDomain, width, height);
        client.PageError += (_, error) => errors.Add(error);
        await VisitAllAsync(client, ["/Portal", "/Portal/Intake", "/Portal/Consent", "/Portal/Contact", "/Portal/Export"], $"portal-{width}");
        Assert.Empty(errors);
    }

    private static async Task VisitAllAsync(IPage page, IEnumerable<string> paths, string who)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{who} {path}: {response.Status}");
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator("main h1").First.InnerTextAsync()), $"{who} {path} has a heading");
            var name = who + path.Replace('/', '-').Replace("?", "");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "pages", name.Length > 80 ? name[..80] + ".png" : name + ".png"), FullPage = true });
            await BrowserFixture.AssertAccessibleAsync(page, $"{who} {path}");
        }
    }
}
