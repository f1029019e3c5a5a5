using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PracticeSuite.SystemTests;

/// <summary>
/// The staff home page's counts and "My tasks", and the Tasks pages, at a phone's size and a desk's, on the demo data:
/// they fit the screen, every control is big enough to tap on a phone, axe finds nothing, and a count opens its list.
/// </summary>
public sealed class TasksJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Manager = "manager@" + AccountsStartup.DemoDomain;
    private const string TherapistA = "therapist.a@" + AccountsStartup.DemoDomain;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task The_home_dashboard_and_the_task_pages_read_well_on_a_phone_and_a_desk(int width, int height)
    {
        var manager = await browser.SignedInPageAsync(Manager, width, height);
        var errors = new List<string>();
        manager.PageError += (_, error) => errors.Add(error);

        await manager.GotoAsync("/");
        await Expect(manager.Locator("#dashboard a.card")).Not.ToHaveCountAsync(0);
        await Expect(manager.Locator("#my-tasks-heading")).ToHaveTextAsync("My tasks");
        await CheckAsync(manager, $"manager home {width}", "home-manager");

        foreach (var (path, name) in new[] { ("/Tasks", "tasks"), ("/Tasks?scope=all", "tasks-all"), ("/Tasks?status=done", "tasks-done"), ("/Tasks/New", "task-new") })
        {
            await manager.GotoAsync(path);
            await CheckAsync(manager, $"manager {path} {width}", name);
        }

        // A refused form: the summary and the field's message, still fitting and accessible.
        await manager.FillAsync("#Input_Title", " ");
        await manager.ClickAsync("main form[method=post] button[type=submit]");
        await Expect(manager.Locator("#Input_Title ~ .field-error")).ToHaveTextAsync("Enter what needs doing.");
        await CheckAsync(manager, $"the refused task form {width}", "task-new-refused");

        // A therapist's home: the clearance the demo's flag asks for is among their tasks, and its link opens the flag.
        var therapist = await browser.SignedInPageAsync(TherapistA, width, height);
        therapist.PageError += (_, error) => errors.Add(error);
        await therapist.GotoAsync("/");
        var clearance = therapist.Locator("#my-tasks a:has-text('Record the physician')").First;
        await Expect(clearance).ToBeVisibleAsync();
        await CheckAsync(therapist, $"therapist home {width}", "home-therapist");
        await clearance.ClickAsync();
        await Expect(therapist).ToHaveURLAsync(new Regex("/Flags/[0-9a-f-]+/Clearance$"));

        // A count opens the list of what it counted.
        await therapist.GotoAsync("/");
        var awaiting = therapist.Locator("#dashboard a[href='/Clients?needs=clearance']");
        var counted = int.Parse((await awaiting.GetAttributeAsync("data-count"))!);
        await awaiting.ClickAsync();
        await Expect(therapist.Locator("#need-filter")).ToBeVisibleAsync();
        await Expect(therapist.Locator("#clients tbody tr[data-client-id]")).ToHaveCountAsync(counted);
        Assert.Empty(errors);
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
            () => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button, main .button, #dashboard a, #my-tasks a, #tasks a')]
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
