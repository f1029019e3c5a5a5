using System.Net;
using AngleSharp.Html.Parser;
using Autofac;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.Testing;
using Xunit;
using TwoStepPage = PracticeSuite.Platform.Pages.Account.TwoStepModel;

namespace PracticeSuite.Accounts.Tests;

/// <summary>
/// Two-step sign-in for staff (issue 17, ADR 0021) through the real pages: set up with the code an authenticator app
/// would show (computed here by <see cref="Totp"/>, not by Identity), the second sign-in step, recovery codes that
/// work once, lockout by wrong codes, turning it off, and clients who are not offered it.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class TwoStepSignInTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    private const string Password = "Two-Step-Password-2026";

    [Fact]
    public async Task Setting_up_takes_the_apps_current_code_and_then_every_sign_in_asks_for_one()
    {
        await CreateAsync("tess@personas.test", PracticeRole.Therapist);
        var tess = await host.SignedInClientAsync("tess@personas.test", Password);

        var manage = await Parse(await tess.GetStringAsync("/Account/Manage"));
        var section = manage.QuerySelector("section#two-step")!;
        Assert.Contains("Off", section.QuerySelector(".status-chip")!.TextContent);
        Assert.Equal("/Account/TwoStepSetup", section.QuerySelector("a.button")!.GetAttribute("href"));

        var setup = await Parse(await tess.GetStringAsync("/Account/TwoStepSetup"));
        var shownKey = setup.QuerySelector("#setup-key")!.TextContent;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", shownKey); // groups of four for typing
        var key = shownKey.Replace(" ", "");
        var qr = setup.QuerySelector("svg.qr-code")!;
        Assert.Equal("img", qr.GetAttribute("role"));
        Assert.Contains("The key below says the same", qr.GetAttribute("aria-label"));
        Assert.NotEmpty(qr.QuerySelectorAll("path, rect"));
        Assert.Equal(key, await StoredKeyAsync("tess@personas.test")); // the QR code and the key are the stored key

        var wrong = await AccountsFixture.PostFormAsync(tess, "/Account/TwoStepSetup", new() { ["Code"] = Totp.WrongCodeFor(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(TwoStepSignIn.WrongSetupCode), await wrong.Content.ReadAsStringAsync());
        Assert.False(await EnabledAsync("tess@personas.test"));
        var garbage = await AccountsFixture.PostFormAsync(tess, "/Account/TwoStepSetup", new() { ["Code"] = "12ab<script>" });
        Assert.Contains(WebUtility.HtmlEncode(TwoStepSignIn.WrongSetupCode), await garbage.Content.ReadAsStringAsync());

        var codes = await SetUpAsync(tess, key);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await EnabledAsync("tess@personas.test"));
        Assert.Contains("10 of 10 recovery codes are left", await tess.GetStringAsync("/Account/Manage")); // this browser stays signed in

        // The password alone no longer signs in: the second step follows, and nothing else opens meanwhile.
        var browser = host.CreateClient();
        var first = await AccountsFixture.PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = "tess@personas.test", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/TwoStep", first.Headers.Location!.OriginalString);
        var meanwhile = await browser.GetAsync("/Account/Manage");
        Assert.Contains("/Account/Login", meanwhile.Headers.Location!.OriginalString);

        var refused = await AccountsFixture.PostFormAsync(browser, "/Account/TwoStep", new() { ["Code"] = Totp.WrongCodeFor(key) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(TwoStepPage.WrongCode), await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Account/Manage")).StatusCode);

        var second = await AccountsFixture.PostFormAsync(browser, "/Account/TwoStep", new() { ["Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/", second.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Manage")).StatusCode);

        var trail = await AuditAsync("tess@personas.test");
        Assert.Contains(AccountAudit.TwoStepEnabled.Code, trail);
        Assert.Equal(3, trail.Count(a => a == AccountAudit.TwoStepCodeRefused.Code)); // two at set-up, one at sign-in
    }

    [Fact]
    public async Task The_second_step_page_offers_a_recovery_code_and_never_remembering_the_device()
    {
        await CreateAsync("rory@personas.test", PracticeRole.Reception);
        var key = await EnableAsync("rory@personas.test");
        var browser = host.CreateClient();
        await AccountsFixture.PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = "rory@personas.test", ["Input.Password"] = Password });

        var page = await Parse(await browser.GetStringAsync("/Account/TwoStep"));
        Assert.Empty(page.QuerySelectorAll("input[type=checkbox]"));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("Recovery=true", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("one-time-code", page.QuerySelector("input[name=Code]")!.GetAttribute("autocomplete"));

        var signedIn = await AccountsFixture.PostFormAsync(browser, "/Account/TwoStep", new() { ["Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.TryGetValues("Set-Cookie", out var set) ? string.Join("\n", set) : "";
        Assert.Contains(AccountsComposition.SessionCookieName, cookies);
        Assert.DoesNotContain(IdentityConstants.TwoFactorRememberMeScheme, cookies);

        var stale = host.CreateClient(); // no first step: told to give the password
        var direct = await Parse(await stale.GetStringAsync("/Account/TwoStep"));
        Assert.Equal(TwoStepPage.StartAgain, direct.QuerySelector("p.notice.warning")!.TextContent);
        Assert.Empty(direct.QuerySelectorAll("input[name=Code]"));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_new_codes_replace_the_old_ones()
    {
        await CreateAsync("remy@personas.test", PracticeRole.Manager);
        var remy = await host.SignedInClientAsync("remy@personas.test", Password);
        var setup = await Parse(await remy.GetStringAsync("/Account/TwoStepSetup"));
        var key = setup.QuerySelector("#setup-key")!.TextContent.Replace(" ", "");
        var codes = await SetUpAsync(remy, key);

        var used = await RecoverAsync(codes[3]);
        Assert.Equal(HttpStatusCode.Redirect, used.Response.StatusCode);
        Assert.Contains("9 recovery codes are left", await used.Browser.GetStringAsync("/Account/Manage")); // the notice after the redirect

        var again = await RecoverAsync(codes[3]);
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(TwoStepPage.WrongRecoveryCode), await again.Response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await again.Browser.GetAsync("/Account/Manage")).StatusCode);

        var renewed = await AccountsFixture.PostFormAsync(remy, "/Account/Manage?handler=RecoveryCodes", [], getPath: "/Account/Manage");
        var renewedPage = await Parse(await renewed.Content.ReadAsStringAsync());
        var fresh = renewedPage.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));
        Assert.Contains("New recovery codes are ready", renewedPage.QuerySelector("p.notice")!.TextContent);

        Assert.Equal(HttpStatusCode.OK, (await RecoverAsync(codes[5])).Response.StatusCode); // an old, unused code no longer works
        Assert.Equal(HttpStatusCode.Redirect, (await RecoverAsync(fresh[0])).Response.StatusCode);

        var trail = await AuditAsync("remy@personas.test");
        Assert.Equal(2, trail.Count(a => a == AccountAudit.RecoveryCodeUsed.Code));
        Assert.Single(trail, AccountAudit.RecoveryCodesRenewed.Code);
        Assert.Equal(2, trail.Count(a => a == AccountAudit.TwoStepCodeRefused.Code));
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords_and_a_recovery_code_does_not_get_round_it()
    {
        await CreateAsync("lena@personas.test", PracticeRole.Therapist);
        var key = await EnableAsync("lena@personas.test");
        var codes = await host.InScopeAsync(async scope =>
        {
            var users = scope.Resolve<UserManager<PracticeUser>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync("lena@personas.test"))!, 10))!.ToList();
        });
        var browser = host.CreateClient();
        await AccountsFixture.PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = "lena@personas.test", ["Input.Password"] = Password });
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await AccountsFixture.PostFormAsync(browser, "/Account/TwoStep", new() { ["Code"] = Totp.WrongCodeFor(key) });
            Assert.Contains(WebUtility.HtmlEncode(TwoStepPage.WrongCode), await wrong.Content.ReadAsStringAsync());
        }

        var fifth = await AccountsFixture.PostFormAsync(browser, "/Account/TwoStep", new() { ["Code"] = Totp.WrongCodeFor(key) });
        Assert.Contains(WebUtility.HtmlEncode(TwoStepPage.Locked), await fifth.Content.ReadAsStringAsync());
        Assert.Contains("locked", (await host.LastEmailToAsync("lena@personas.test")).Subject);

        var right = await AccountsFixture.PostFormAsync(browser, "/Account/TwoStep", new() { ["Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(TwoStepPage.Locked), await right.Content.ReadAsStringAsync());
        var recovery = await AccountsFixture.PostFormAsync(browser, "/Account/TwoStep?Recovery=true", new() { ["Code"] = codes[0], ["Recovery"] = "true" });
        Assert.Equal(HttpStatusCode.OK, recovery.StatusCode);
        Assert.Equal(10, await host.InScopeAsync(async scope =>
        {
            var users = scope.Resolve<UserManager<PracticeUser>>();
            return await users.CountRecoveryCodesAsync((await users.FindByEmailAsync("lena@personas.test"))!);
        })); // not spent while locked
    }

    [Fact]
    public async Task Turning_it_off_takes_the_current_password_and_the_old_key_stops_working()
    {
        await CreateAsync("otto@personas.test", PracticeRole.Therapist);
        var otto = await host.SignedInClientAsync("otto@personas.test", Password);
        var key = (await Parse(await otto.GetStringAsync("/Account/TwoStepSetup"))).QuerySelector("#setup-key")!.TextContent.Replace(" ", "");
        await SetUpAsync(otto, key);

        var wrong = await AccountsFixture.PostFormAsync(otto, "/Account/Manage?handler=TurnOff", new() { ["TurnOffPassword"] = "Not-The-Password-1" }, getPath: "/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The current password is not right.", await wrong.Content.ReadAsStringAsync());
        Assert.True(await EnabledAsync("otto@personas.test"));

        var off = await AccountsFixture.PostFormAsync(otto, "/Account/Manage?handler=TurnOff", new() { ["TurnOffPassword"] = Password }, getPath: "/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var after = await Parse(await otto.GetStringAsync("/Account/Manage"));
        Assert.Contains("Two-step sign-in is off", after.QuerySelector("p.page-notice")!.TextContent);
        Assert.False(await EnabledAsync("otto@personas.test"));
        Assert.NotEqual(key, await StoredKeyAsync("otto@personas.test"));

        var again = await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/Login", new() { ["Input.Email"] = "otto@personas.test", ["Input.Password"] = Password });
        Assert.Equal("/", again.Headers.Location!.OriginalString); // the password alone signs in again
        Assert.Contains(AccountAudit.TwoStepDisabled.Code, await AuditAsync("otto@personas.test"));
    }

    [Fact]
    public async Task Clients_are_not_offered_two_step_sign_in()
    {
        var client = await host.SignedInClientAsync(host.Personas.ClientA.Email);
        var manage = await client.GetStringAsync("/Account/Manage");
        Assert.DoesNotContain("Two-step sign-in", manage);
        Assert.DoesNotContain("two-step", manage);

        var setup = await client.GetAsync("/Account/TwoStepSetup");
        Assert.Equal("/Status/403", setup.Headers.Location!.OriginalString);
        var renew = await AccountsFixture.PostFormAsync(client, "/Account/Manage?handler=RecoveryCodes", [], getPath: "/Account/Manage");
        Assert.Equal("/Status/403", renew.Headers.Location!.OriginalString);

        // Staff see it (the seeded personas, who sign in with a password alone until they set it up).
        Assert.Contains("Two-step sign-in", await (await host.SignedInClientAsync(host.Personas.TherapistA.Email)).GetStringAsync("/Account/Manage"));
    }

    private async Task<IReadOnlyList<string>> SetUpAsync(HttpClient browser, string key)
    {
        var done = await AccountsFixture.PostFormAsync(browser, "/Account/TwoStepSetup", new() { ["Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var page = await Parse(await done.Content.ReadAsStringAsync());
        Assert.Contains("Two-step sign-in is on", page.QuerySelector("p.notice")!.TextContent);
        return page.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
    }

    /// <summary>Turns it on behind the pages' back (for tests about signing in): the stored key.</summary>
    private Task<string> EnableAsync(string email) => host.InScopeAsync(async scope =>
    {
        var users = scope.Resolve<UserManager<PracticeUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    });

    private async Task<(HttpClient Browser, HttpResponseMessage Response)> RecoverAsync(string code)
    {
        var browser = host.CreateClient();
        var first = await AccountsFixture.PostFormAsync(browser, "/Account/Login", new() { ["Input.Email"] = "remy@personas.test", ["Input.Password"] = Password });
        Assert.StartsWith("/Account/TwoStep", first.Headers.Location!.OriginalString);
        var response = await AccountsFixture.PostFormAsync(browser, "/Account/TwoStep?Recovery=true", new() { ["Code"] = code, ["Recovery"] = "true" });
        return (browser, response);
    }

    private Task CreateAsync(string email, PracticeRole role) => host.InScopeAsync(async scope =>
    {
        var (user, errors) = await scope.Resolve<AccountSeeding>().CreateAsync(email, email, Password, role, null, null);
        Assert.True(user is not null, string.Join(" ", errors));
        return user;
    });

    private Task<bool> EnabledAsync(string email) =>
        host.InScopeAsync(async scope => (await scope.Resolve<UserManager<PracticeUser>>().FindByEmailAsync(email))!.TwoFactorEnabled);

    private Task<string?> StoredKeyAsync(string email) => host.InScopeAsync(async scope =>
    {
        var users = scope.Resolve<UserManager<PracticeUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
    });

    private Task<List<string>> AuditAsync(string email) => host.InScopeAsync(async scope =>
    {
        var id = (await scope.Resolve<UserManager<PracticeUser>>().FindByEmailAsync(email))!.Id;
        return await scope.Resolve<AccountsDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.RecordType == AccountAudit.RecordType && a.RecordId == id).Select(a => a.Action).ToListAsync();
    });

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> Parse(string html) => new HtmlParser().ParseDocumentAsync(html);
}

/// <summary>
/// <c>Accounts:RequireTwoFactorForManagers</c> on: a manager without two-step sign-in is sent to set it up and reaches
/// nothing else until it is on; other staff are not held. A fixture of its own, with the setting.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class TwoStepRequirementTests(TwoStepRequirementTests.RequiringFixture host) : IClassFixture<TwoStepRequirementTests.RequiringFixture>
{
    public sealed class RequiringFixture : AccountsFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:RequireTwoFactorForManagers"] = "true" };
    }

    [Fact]
    public async Task A_manager_without_it_is_sent_to_set_it_up_and_reaches_nothing_else_until_it_is_on()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        foreach (var path in new[] { "/", "/Manage/Staff", "/Clients", "/Account/Manage" })
        {
            var held = await manager.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal("/Account/TwoStepSetup", held.Headers.Location!.OriginalString);
        }

        var api = await manager.GetAsync("/api/clients/");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("two-step sign-in", await api.Content.ReadAsStringAsync());

        var setupPage = await new HtmlParser().ParseDocumentAsync(await manager.GetStringAsync("/Account/TwoStepSetup"));
        Assert.Contains("asks managers to use two-step sign-in", setupPage.QuerySelector("p.notice.warning")!.TextContent);
        var key = setupPage.QuerySelector("#setup-key")!.TextContent.Replace(" ", "");
        var done = await AccountsFixture.PostFormAsync(manager, "/Account/TwoStepSetup", new() { ["Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Manage/Staff")).StatusCode); // the renewed sign-in says it is on
        Assert.NotEqual(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/clients/")).StatusCode);
    }

    [Fact]
    public async Task Other_staff_are_not_held()
    {
        var therapist = await host.SignedInClientAsync(host.Personas.TherapistA.Email);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync("/Clients")).StatusCode);
        var reception = await host.SignedInClientAsync(host.Personas.Reception!.Email);
        Assert.Equal(HttpStatusCode.OK, (await reception.GetAsync("/Clients")).StatusCode);
    }
}
