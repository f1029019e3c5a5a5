using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.SystemTests;

/// <summary>
/// Every page of every role, in a real browser at a phone's size and a desk's, checked by axe with the WCAG 2.0, 2.1
/// and 2.2 A/AA rules. The pages come from the host's endpoint data source, their record ids from the persona records
/// (as the authorization matrix fills them), so a page added later is swept without anyone listing it; a page no role
/// could open fails the sweep. Each visit leaves a screenshot under <c>artifacts/screenshots/sweep</c>.
/// </summary>
public sealed class AccessibilitySweepTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly (int Width, int Height)[] Screens = [(1366, 900), (390, 844)];

    /// <summary>
    /// Addresses not swept, each for a reason: pages no role opens with a plain GET, and addresses that answer with
    /// something other than a page. Every other page must be opened by someone.
    /// </summary>
    private static readonly Dictionary<string, string> NotSwept = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Error"] = "the error page, shown by the exception handler rather than opened",
        ["/Setup"] = "the first-run page that creates the first manager; it refuses everyone once any account exists, as here",
        ["/calendar/{token}.ics"] = "a calendar feed (iCalendar text for calendar apps, behind a secret token), not a page; CalendarFeedJourneyTests sweeps the pages that make its links",
        ["/therapists/{therapistId:guid}/photo"] = "a therapist's photo (an image), not a page; the therapist's profile page that shows it is swept",
    };

    /// <summary>Pages that show other states at other addresses (the portal questionnaire's steps): each state is swept too.</summary>
    private static readonly Dictionary<string, string[]> MoreStates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Portal/Intake"] = ["?step=1", "?step=2", "?step=3", "?step=4", "?step=5"],
    };

    [Fact]
    public async Task Every_page_of_every_role_fits_both_screens_and_passes_axe()
    {
        var (personas, _) = await browser.Factory.InScopeAsync(scope =>
            Autofac.ResolutionExtensions.Resolve<AccountSeeding>(scope).EnsurePersonasAsync(AccountsStartup.DemoDomain, AccountsStartup.DemoPassword));
        var routeValues = await AccountSeeding.SeedModuleRecordsAsync(browser.Factory.Container, personas, TestContext.Current.CancellationToken);
        var pages = PageAddresses(routeValues);
        Assert.NotEmpty(pages);
        var swept = pages.Where(p => !NotSwept.ContainsKey(p.Pattern)).ToList();

        var roles = new (string Name, string? Email)[]
        {
            ("anonymous", null),
            ("client", personas.ClientA.Email),
            ("therapist", personas.TherapistA.Email),
            ("reception", personas.Reception!.Email),
            ("manager", personas.Manager.Email),
        };

        var opened = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var visits = 0;
        foreach (var (role, email) in roles)
        {
            var page = email is null ? await browser.NewPageAsync() : await browser.SignedInPageAsync(email);
            foreach (var (pattern, url) in swept)
            {
                if (url is null)
                {
                    continue;
                }

                var response = await page.GotoAsync(url);
                var landed = new Uri(page.Url).AbsolutePath;
                var refused = landed.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase)
                    || landed.StartsWith("/Status/", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("/Status/", StringComparison.OrdinalIgnoreCase)
                    || response?.Status is 401 or 403 || (response?.Status == 404 && !url.StartsWith("/Status/", StringComparison.OrdinalIgnoreCase));
                if (refused)
                {
                    continue;
                }

                opened.Add(pattern);
                foreach (var state in MoreStates.GetValueOrDefault(pattern, [""]))
                {
                    if (state.Length > 0)
                    {
                        await page.GotoAsync(url + state);
                        if (!page.Url.EndsWith(url + state, StringComparison.Ordinal))
                        {
                            problems.Add($"{role} on {url}{state}: sent to {page.Url}, so the sweep did not see that state");
                            continue;
                        }
                    }

                    foreach (var (width, height) in Screens)
                    {
                        await page.SetViewportSizeAsync(width, height);
                        visits++;
                        var what = $"{role} on {url}{state} at {width}x{height}";
                        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(role, url + state, width), FullPage = true });
                        problems.AddRange(await ProblemsAsync(page, what));
                    }

                    await page.SetViewportSizeAsync(Screens[0].Width, Screens[0].Height);
                }
            }

            await page.Context.CloseAsync();
        }

        foreach (var (pattern, _) in swept.Where(p => !opened.Contains(p.Pattern)))
        {
            problems.Add($"{pattern}: no role could open it, so the sweep did not check it (give it persona records, or a reason in NotSwept)");
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems in {visits} page views:\n" + string.Join("\n", problems));
    }

    /// <summary>Wider than the screen, or a serious or critical WCAG A/AA violation.</summary>
    private static async Task<IEnumerable<string>> ProblemsAsync(IPage page, string what)
    {
        var problems = new List<string>();
        var overflowing = await page.EvaluateAsync<string>(
            "() => document.documentElement.scrollWidth <= window.innerWidth ? '' : [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 8).join(', ')");
        if (overflowing.Length > 0)
        {
            problems.Add($"{what}: wider than the screen: {overflowing}");
        }

        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        problems.AddRange(axe.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what}: {v.Id} ({v.Impact}): {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
        return problems;
    }

    /// <summary>Each GET page's route pattern and an address for it, record ids filled from the persona records.</summary>
    private List<(string Pattern, string? Url)> PageAddresses(IReadOnlyDictionary<string, string> routeValues)
    {
        var endpoints = browser.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var pages = new List<(string, string?)>();
        foreach (var endpoint in endpoints.Where(RouteAddresses.IsPage))
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (!pages.Any(p => p.Item1 == pattern))
            {
                pages.Add((pattern, Fill(endpoint.RoutePattern, routeValues)));
            }
        }

        return pages;
    }

    /// <summary>The address of a route: record ids from the personas; null where no persona record supplies a value.</summary>
    private static string? Fill(RoutePattern pattern, IReadOnlyDictionary<string, string> routeValues) =>
        RouteAddresses.Fill(pattern, routeValues, parameter => parameter.ParameterPolicies.Any(p => p.Content is "int") ? "404" : null).Url;

    private static string ScreenshotPath(string role, string url, int width)
    {
        var name = url.Trim('/').Replace('/', '-');
        name = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
        if (name.Length > 80)
        {
            name = name[..80];
        }

        var folder = Path.Combine(BrowserFixture.ScreenshotFolder, "sweep", role);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{(name.Length == 0 ? "home" : name)}-{width}.png");
    }
}
