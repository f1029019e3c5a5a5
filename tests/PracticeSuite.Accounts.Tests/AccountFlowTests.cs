using PracticeSuite.SharedKernel.Messaging;
using System.Net;
using Autofac;
using Microsoft.AspNetCore.Identity;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>Invitations, password reset, lockout and the answers to bad input, through the real pages.</summary>
[Trait("Category", "Persistence")]
public sealed class AccountFlowTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    private const string GoodPassword = "Fresh-Password-42";

    [Fact]
    public async Task An_invitation_sets_the_password_once_and_a_weak_password_is_told_which_rule_failed()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var invited = await AccountsFixture.PostFormAsync(manager, "/Manage/Staff", new()
        {
            ["Input.DisplayName"] = "Nina New",
            ["Input.Email"] = "nina@personas.test",
            ["Input.Role"] = "Therapist",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var link = AccountsFixture.LinkIn(await host.LastEmailToAsync("nina@personas.test"));
        Assert.StartsWith("/Account/AcceptInvitation?token=", link);
        var invitee = host.CreateClient();

        var weak = await AccountsFixture.PostFormAsync(invitee, link, new() { ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short" });
        var weakPage = await weak.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Passwords must be at least 12 characters.", weakPage);
        Assert.False(await HasPasswordAsync("nina@personas.test"));

        var accepted = await AccountsFixture.PostFormAsync(invitee, link, new() { ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await host.SignedInClientAsync("nina@personas.test", GoodPassword);
        var therapistId = await host.InScopeAsync(async scope => (await scope.Resolve<UserManager<PracticeUser>>().FindByEmailAsync("nina@personas.test"))!.TherapistId);
        Assert.NotNull(therapistId); // a therapist invited without a profile gets one

        var duplicate = await AccountsFixture.PostFormAsync(manager, "/Manage/Staff", new()
        {
            ["Input.DisplayName"] = "Nina Again",
            ["Input.Email"] = "nina@personas.test",
            ["Input.Role"] = "Reception",
        });
        Assert.Contains("This address already has an active account.", await duplicate.Content.ReadAsStringAsync());

        var again = host.CreateClient();
        var reusedPost = await AccountsFixture.PostFormAsync(again, link, new() { ["Input.Password"] = "Other-Password-99", ["Input.ConfirmPassword"] = "Other-Password-99" }, getPath: "/Account/Login");
        Assert.Contains("already been used", await reusedPost.Content.ReadAsStringAsync());
        var reusedGet = await again.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, reusedGet.StatusCode);
        Assert.Contains("already been used", await reusedGet.Content.ReadAsStringAsync());
        await host.SignedInClientAsync("nina@personas.test", GoodPassword);
    }

    [Fact]
    public async Task An_expired_invitation_shows_a_clear_page_and_changes_nothing()
    {
        await host.InScopeAsync(scope => scope.Resolve<IAccounts>().InviteAsync(new AccountInvitation("late@personas.test", "Lee Late", PracticeRole.Client, Guid.NewGuid()), CancellationToken.None));
        var link = AccountsFixture.LinkIn(await host.LastEmailToAsync("late@personas.test"));
        var client = host.CreateClient();
        var form = await client.GetStringAsync(link); // still valid: the form is shown
        Assert.Contains("Input.Password", form);

        host.Factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("This link has expired.", await page.Content.ReadAsStringAsync());
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("This link has expired.", await post.Content.ReadAsStringAsync());
        Assert.False(await HasPasswordAsync("late@personas.test"));
    }

    [Fact]
    public async Task Reset_gives_the_same_answer_for_unknown_and_known_addresses_and_its_link_works_once_within_two_hours()
    {
        await CreateAccountAsync("rita@personas.test", "Old-Password-2026");
        var before = await EmailCountAsync();

        var unknown = await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/ForgotPassword", new() { ["Email"] = "nobody@personas.test" });
        Assert.Equal(before, await EmailCountAsync()); // nothing is sent for an unknown address
        var known = await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/ForgotPassword", new() { ["Email"] = "rita@personas.test" });
        Assert.Equal(before + 1, await EmailCountAsync());
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());

        var link = AccountsFixture.LinkIn(await host.LastEmailToAsync("rita@personas.test"));
        var client = host.CreateClient();
        var reset = await AccountsFixture.PostFormAsync(client, link, new() { ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await host.SignedInClientAsync("rita@personas.test", GoodPassword);

        var reused = await host.CreateClient().GetAsync(link);
        Assert.Contains("already been used", await reused.Content.ReadAsStringAsync());

        // A second reset link, left for longer than two hours, no longer works.
        await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/ForgotPassword", new() { ["Email"] = "rita@personas.test" });
        var late = AccountsFixture.LinkIn(await host.LastEmailToAsync("rita@personas.test"));
        Assert.NotEqual(link, late);
        host.Factory.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var expired = await host.CreateClient().GetAsync(late);
        Assert.Contains("This link has expired.", await expired.Content.ReadAsStringAsync());
        await host.SignedInClientAsync("rita@personas.test", GoodPassword);
    }

    [Fact]
    public async Task Repeated_failed_sign_ins_lock_the_account()
    {
        await CreateAccountAsync("lou@personas.test", GoodPassword);
        var client = host.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await AccountsFixture.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "lou@personas.test", ["Input.Password"] = "Wrong-Password-1" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await AccountsFixture.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "lou@personas.test", ["Input.Password"] = GoodPassword });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // no redirect: not signed in
        Assert.Contains(Pages.LockedOut, await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Erasing_a_client_removes_the_account_and_anonymises_its_mail_but_keeps_the_audit_ids()
    {
        var clientId = Guid.NewGuid();
        var userId = await host.InScopeAsync(scope => scope.Resolve<IAccounts>().InviteAsync(new AccountInvitation("erin@personas.test", "Erin Erased", PracticeRole.Client, clientId), CancellationToken.None));
        Assert.Equal(userId, await host.InScopeAsync(scope => scope.Resolve<IAccounts>().FindUserIdForClientAsync(clientId, CancellationToken.None)));
        await host.InScopeAsync(async scope => { await scope.Resolve<IAuditTrail>().RecordAsync(new AuditSubject(new AuditAction("clients.intake.read", AuditKind.Read, "Viewed the intake"), "Intake", "1", clientId), CancellationToken.None); return 0; });

        await host.InScopeAsync(async scope => { await scope.Resolve<IAccounts>().EraseClientAccountAsync(clientId, CancellationToken.None); return 0; });

        Assert.Null(await host.InScopeAsync(scope => scope.Resolve<IAccounts>().FindUserIdForClientAsync(clientId, CancellationToken.None)));
        await host.InScopeAsync(scope =>
        {
            var db = scope.Resolve<AccountsDbContext>();
            Assert.Empty(db.Emails.Where(e => e.Recipient == "erin@personas.test"));
            Assert.Empty(db.AccountTokens.Where(t => t.UserId == userId));
            Assert.Single(db.AuditRecords.Where(a => a.ClientId == clientId));
            return Task.FromResult(0);
        });
    }

    [Fact]
    public async Task The_sign_out_button_in_the_layout_signs_out()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var signedOut = await AccountsFixture.PostFormAsync(manager, "/Account/Logout", [], getPath: "/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await manager.GetAsync("/Manage/Staff");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_setup_page_is_gone_once_a_manager_exists()
    {
        var response = await host.CreateClient().GetAsync("/Setup");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<bool> HasPasswordAsync(string email) => host.InScopeAsync(async scope =>
    {
        var users = scope.Resolve<UserManager<PracticeUser>>();
        return await users.HasPasswordAsync((await users.FindByEmailAsync(email))!);
    });

    private Task<int> EmailCountAsync() => host.InScopeAsync(scope => Task.FromResult(scope.Resolve<AccountsDbContext>().Emails.Count()));

    private Task CreateAccountAsync(string email, string password) => host.InScopeAsync(async scope =>
    {
        var (user, errors) = await scope.Resolve<AccountSeeding>().CreateAsync(email, email, password, PracticeRole.Client, Guid.NewGuid(), null);
        Assert.True(user is not null, string.Join(" ", errors));
        return user;
    });

    private static class Pages
    {
        public const string LockedOut = PracticeSuite.Platform.Pages.Account.LoginModel.Refused;
    }
}
