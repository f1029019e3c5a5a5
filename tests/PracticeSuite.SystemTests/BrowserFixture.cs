using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.SystemTests;

/// <summary>
/// The host on a real loopback port and one headless Chromium (Debian's <c>/usr/bin/chromium</c>; Playwright
/// downloads nothing). Screenshots of each journey go to <c>artifacts/screenshots</c> for people to look at.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Web-first assertions wait for the page an action leads to; a loaded CI machine gets more than the default 5 s.
    // The setting is global to Playwright, so it is made once, not by every fixture.
    static BrowserFixture() => Assertions.SetDefaultExpectTimeout(15_000);

    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public PracticeSuiteFactory Factory { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("PRACTICESUITE_CHROMIUM") ?? "/usr/bin/chromium";

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("PRACTICESUITE_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "practicesuite-screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath}: build/test.sh installs Debian's chromium package.");
        _database = await TestDatabase.CreateAsync();
        // Demo mode: the demo people (printed by the host at start-up) sign in with the demo password.
        Factory = new PracticeSuiteFactory(_database, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseAddress = Factory.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Chromium's first start on a loaded two-core CI machine can take longer than Playwright's default 30 s.
            Timeout = 120_000,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A page in a fresh browser context. axe is injected as a script, which the site's content security policy would
    /// refuse, so contexts bypass it unless <paramref name="enforcePolicy"/> (the CSP test's pages enforce it).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool enforcePolicy = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = !enforcePolicy,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real login page, as a person would.</summary>
    public async Task<IPage> SignedInPageAsync(string email, int width = 1280, int height = 900, bool enforcePolicy = false)
    {
        var page = await NewPageAsync(width, height, enforcePolicy);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", PracticeSuite.Platform.Accounts.AccountsStartup.DemoPassword);
        await page.ClickAsync("form button[type=submit]");
        // Signed in once the login page has been left (a refused password stays on it, and this times out saying so).
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
        return page;
    }

    /// <summary>The page fits the screen's width (a wide table scrolls in its own box) and axe finds no violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var overflowing = await page.EvaluateAsync<string>(
            "() => document.documentElement.scrollWidth <= window.innerWidth ? '' : [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 8).join(', ')");
        Assert.True(overflowing.Length == 0, $"{what} is wider than the screen: {overflowing}");
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0,
            what + ":\n" + string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
