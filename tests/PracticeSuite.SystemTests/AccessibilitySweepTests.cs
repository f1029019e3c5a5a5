using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
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

    /// <summary>Pages no role opens with a plain GET, each for a reason; every other page must be opened by someone.</summary>
    private static readonly Dictionary<string, string> NotSwept = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Error"] = "the error page, shown by the exception handler rather than opened",
        ["/Setup"] = "the first-run page that creates the first manager; it refuses everyone once any account exists, as here",
    };

    [Fact]
    public async Task Every_page_of_every_role_fits_both_screens_and_passes_axe()
    {
        var (personas, _) = await browser.Factory.InScopeAsync(scope =>
            Autofac.ResolutionExtensions.Resolve<AccountSeeding>(scope).EnsurePersonasAsync(AccountsStartup.DemoDomain, AccountsStartup.DemoPassword));
        var routeValues = await AccountSeeding.SeedModuleRecordsAsync(browser.Factory.Container, personas, TestContext.Current.CancellationToken);
        var pages = PageAddresses(routeValues);
        Assert.NotEmpty(pages);

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
            foreach (var (pattern, url) in pages)
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
                foreach (var (width, height) in Screens)
                {
                    await page.SetViewportSizeAsync(width, height);
                    visits++;
                    var what = $"{role} on {url} at {width}x{height}";
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(role, url, width), FullPage = true });
                    problems.AddRange(await ProblemsAsync(page, what));
                }

                await page.SetViewportSizeAsync(Screens[0].Width, Screens[0].Height);
            }

            await page.Context.CloseAsync();
        }

        foreach (var (pattern, _) in pages.Where(p => !opened.Contains(p.Pattern) && !NotSwept.ContainsKey(p.Pattern)))
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
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null
            || e.Metadata.Any(m => m.GetType().Name == "CompiledPageActionDescriptor")))
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (!pages.Any(p => p.Item1 == pattern))
            {
                pages.Add((pattern, Fill(endpoint.RoutePattern, routeValues)));
            }
        }

        return pages;
    }

    /// <summary>The address of a route: record ids from the personas, optional parts left out, other values from defaults.</summary>
    private static string? Fill(RoutePattern pattern, IReadOnlyDictionary<string, string> routeValues)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        text.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter when routeValues.TryGetValue(parameter.Name, out var value):
                        text.Append(Uri.EscapeDataString(value));
                        break;
                    case RoutePatternParameterPart parameter when parameter.IsCatchAll || parameter.IsOptional:
                        break;
                    case RoutePatternParameterPart parameter when pattern.Defaults.TryGetValue(parameter.Name, out var fallback) && fallback is not null:
                        text.Append(fallback);
                        break;
                    case RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int"):
                        text.Append("404"); // the status page's own example
                        break;
                    default:
                        return null; // a value no persona record supplies: reported as not opened
                }
            }

            segments.Add(text.ToString());
        }

        return "/" + string.Join("/", segments).TrimEnd('/');
    }

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
