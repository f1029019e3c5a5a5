using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using Xunit;

namespace PracticeSuite.SystemTests;

/// <summary>
/// Every page works under the content security policy it is sent with (issue 16, defect 10): Chromium reports each
/// refused script, style, image or frame on the console, and none may be refused. Hangfire's dashboard and Scalar
/// are included, with the policies of their listed exceptions.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task No_page_breaks_its_content_security_policy()
    {
        var refused = new List<string>();
        var visitor = await browser.NewPageAsync(enforcePolicy: true);
        Watch(visitor, refused);
        await VisitAsync(visitor, ["/", "/Account/Login", "/Account/ForgotPassword"]);

        var manager = await browser.SignedInPageAsync("manager@" + AccountsStartup.DemoDomain, enforcePolicy: true);
        Watch(manager, refused);
        await manager.GotoAsync("/Clients?q=casey");
        await manager.Locator("#clients a").First.ClickAsync();
        var record = new Uri(manager.Url).AbsolutePath;
        await VisitAsync(manager, ["/", "/Clients", record, $"{record}/Intake", $"{record}/History", "/Clients/New", "/Manage/Clinic", "/Manage/Staff", "/Manage/Audit",
            "/Manage/Email", "/Calendar/Settings/Therapists", "/Operations/Messages", "/Operations/Jobs", "/openapi",
            "/Calendar", "/Calendar/Week", "/Calendar/Book?q=casey", "/Calendar/Series", "/Calendar/OffSick", "/Calendar/Settings/Services", "/Calendar/Settings/Hours"]);

        var client = await browser.SignedInPageAsync("client.b@" + AccountsStartup.DemoDomain, 390, 844, enforcePolicy: true);
        Watch(client, refused);
        await VisitAsync(client, ["/Portal", "/Portal/Intake", "/Portal/Consent", "/Portal/Contact", "/Portal/Export", "/Portal/Appointments"]);

        Assert.True(refused.Count == 0, string.Join("\n", refused.Distinct()));
    }

    private static void Watch(IPage page, List<string> refused) =>
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        };

    private static async Task VisitAsync(IPage page, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        }
    }
}
