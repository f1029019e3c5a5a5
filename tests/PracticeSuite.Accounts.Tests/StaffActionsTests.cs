using System.Net;
using AngleSharp.Html.Parser;
using Autofac;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using Xunit;
using LoginModel = PracticeSuite.Platform.Pages.Account.LoginModel;

namespace PracticeSuite.Accounts.Tests;

/// <summary>
/// The Staff page as a clinic manager uses it (issue 17): staff only, one way to add a therapist, and per-account actions
/// (send the invitation again, change the role, deactivate or reactivate, unlock). A role change and a deactivation end
/// the account's sessions at once (issue 16, defect 3).
/// </summary>
[Trait("Category", "Persistence")]
public sealed class StaffActionsTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    private const string Password = "Staff-Password-2026";

    [Fact]
    public async Task The_staff_page_lists_staff_only_as_cards_on_a_phone_and_refuses_to_invite_a_client()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var html = await manager.GetStringAsync("/Manage/Staff");
        var page = await new HtmlParser().ParseDocumentAsync(html);
        var table = page.QuerySelector("table#staff-accounts")!;
        Assert.Contains("cards-on-phone", table.ClassList);
        Assert.All(table.QuerySelectorAll("tbody td"), td => Assert.True(td.HasAttribute("data-label"), td.OuterHtml));
        var listed = table.TextContent;
        foreach (var person in new[] { host.Personas.Manager, host.Personas.TherapistA, host.Personas.TherapistB, host.Personas.Reception! })
        {
            Assert.Contains(person.Email, listed);
        }

        Assert.DoesNotContain(host.Personas.ClientA.Email, html);
        Assert.DoesNotContain(host.Personas.ClientB.Email, html);
        Assert.DoesNotContain(page.QuerySelectorAll("#Input_Role option"), o => o.GetAttribute("value") == "Client");

        var refused = await AccountsFixture.PostFormAsync(manager, "/Manage/Staff", new()
        {
            ["Input.DisplayName"] = "Cleo Client", ["Input.Email"] = "cleo@personas.test", ["Input.Role"] = "Client",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Clients are invited from their client record", await refused.Content.ReadAsStringAsync());
        Assert.Null(await FindAsync("cleo@personas.test"));
        Assert.Equal(0, await EmailsToAsync("cleo@personas.test"));
    }

    [Fact]
    public async Task A_therapist_is_added_one_way_by_invitation_from_the_staff_page()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var therapists = await new HtmlParser().ParseDocumentAsync(await manager.GetStringAsync("/Calendar/Settings/Therapists"));
        Assert.DoesNotContain(therapists.QuerySelectorAll("form[method=post]"), f => f.GetAttribute("action") != "/Account/Logout"); // no second way to create a profile
        Assert.Contains(therapists.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Manage/Staff");
    }

    [Fact]
    public async Task Sending_an_invitation_again_mails_a_new_link_and_the_old_one_stops_working()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var invited = await AccountsFixture.PostFormAsync(manager, "/Manage/Staff", new()
        {
            ["Input.DisplayName"] = "Ivy Invited", ["Input.Email"] = "ivy@personas.test", ["Input.Role"] = "Reception",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var first = AccountsFixture.LinkIn(await host.LastEmailToAsync("ivy@personas.test"));
        var ivy = (await FindAsync("ivy@personas.test"))!;
        Assert.Contains("link expires", await manager.GetStringAsync("/Manage/Staff"));

        var resent = await ActAsync(manager, "Resend", ivy.Id);
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Contains("A new invitation is on its way to ivy@personas.test", await manager.GetStringAsync("/Manage/Staff")); // the notice
        var second = AccountsFixture.LinkIn(await host.LastEmailToAsync("ivy@personas.test"));
        Assert.NotEqual(first, second);

        var old = await host.CreateClient().GetAsync(first);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        var accepted = await AccountsFixture.PostFormAsync(host.CreateClient(), second, new() { ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains(await AuditAsync(ivy.Id), a => a.Action == AccountAudit.InvitationResent.Code && a.UserId == host.Personas.Manager.UserId);

        var again = await ActAsync(manager, "Resend", ivy.Id); // she has chosen a password: nothing to send
        var page = await new HtmlParser().ParseDocumentAsync(await again.Content.ReadAsStringAsync());
        Assert.Equal("Ivy Invited has already chosen a password: there is no invitation to send.", page.QuerySelector($"#account-{ivy.Id} .field-error")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_role_change_ends_the_accounts_sessions_and_the_new_role_applies_at_the_next_sign_in()
    {
        var rhea = await CreateAsync("rhea@personas.test", "Rhea Reception", PracticeRole.Reception);
        var browser = await host.SignedInClientAsync("rhea@personas.test", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Manage/Staff")).StatusCode); // reception: refused
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);

        var changed = await ActAsync(manager, "ChangeRole", rhea.Id, ("role", "Manager"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        AssertSignedOut(await browser.GetAsync("/Account/Manage"));
        var signedInAgain = await host.SignedInClientAsync("rhea@personas.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await signedInAgain.GetAsync("/Manage/Staff")).StatusCode); // a manager now
        Assert.Contains(await AuditAsync(rhea.Id), a => a.Action == AccountAudit.MadeManager.Code && a.UserId == host.Personas.Manager.UserId);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(manager, "ChangeRole", rhea.Id, ("role", "Therapist"))).StatusCode);
        AssertSignedOut(await signedInAgain.GetAsync("/Account/Manage"));
        var therapistId = (await FindAsync("rhea@personas.test"))!.TherapistId;
        Assert.NotNull(therapistId); // a therapist is booked by this id, given with the role
        Assert.NotNull(await host.InScopeAsync(scope => scope.Resolve<ITherapistDirectory>().FindAsync(therapistId!.Value, CancellationToken.None)));

        var client = await ActAsync(manager, "ChangeRole", rhea.Id, ("role", "Client"));
        Assert.Contains("Choose Manager, Therapist or Reception.", await client.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deactivation_ends_every_session_refuses_sign_in_as_a_wrong_password_does_sends_no_reset_and_stops_bookings()
    {
        var profileId = AccountService.NewTherapistId();
        var dora = await CreateAsync("dora@personas.test", "Dora Departing", PracticeRole.Therapist, profileId);
        var laptop = await host.SignedInClientAsync("dora@personas.test", Password);
        var phone = await host.SignedInClientAsync("dora@personas.test", Password);
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);

        var confirm = await new HtmlParser().ParseDocumentAsync(await manager.GetStringAsync($"/Manage/Staff?confirm=deactivate&id={dora.Id}"));
        Assert.Contains("Deactivate Dora Departing?", confirm.QuerySelector(".confirm-panel h3")?.TextContent);
        Assert.NotNull(confirm.QuerySelector(".confirm-panel button.danger"));
        var deactivated = await ActAsync(manager, "Deactivate", dora.Id, getPath: $"/Manage/Staff?confirm=deactivate&id={dora.Id}");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Contains("Deactivated", (await new HtmlParser().ParseDocumentAsync(await manager.GetStringAsync("/Manage/Staff"))).QuerySelector($"#account-{dora.Id}")!.TextContent);

        AssertSignedOut(await laptop.GetAsync("/Account/Manage"));
        AssertSignedOut(await phone.GetAsync("/Account/Manage"));
        var rightPassword = await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/Login", new() { ["Input.Email"] = "dora@personas.test", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains(LoginModel.Refused, await rightPassword.Content.ReadAsStringAsync());

        var emails = await EmailsToAsync("dora@personas.test");
        var reset = await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/ForgotPassword", new() { ["Email"] = "dora@personas.test" });
        var unknown = await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/ForgotPassword", new() { ["Email"] = "nobody.here@personas.test" });
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await reset.Content.ReadAsStringAsync());
        Assert.Equal(emails, await EmailsToAsync("dora@personas.test"));

        Assert.Equal(TherapistBookability.AccountDeactivated, (await BookableAsync(profileId))!.Bookability);
        Assert.Contains(await AuditAsync(dora.Id), a => a.Action == AccountAudit.Deactivated.Code && a.UserId == host.Personas.Manager.UserId);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(manager, "Reactivate", dora.Id)).StatusCode);
        await host.SignedInClientAsync("dora@personas.test", Password);
        Assert.True((await BookableAsync(profileId))!.MayBeBooked);
    }

    [Fact]
    public async Task Deactivation_withdraws_an_invitation_not_yet_accepted()
    {
        await host.InScopeAsync(scope => scope.Resolve<IAccounts>().InviteAsync(new AccountInvitation("wes@personas.test", "Wes Withdrawn", PracticeRole.Reception, null), CancellationToken.None));
        var link = AccountsFixture.LinkIn(await host.LastEmailToAsync("wes@personas.test"));
        var wes = (await FindAsync("wes@personas.test"))!;
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(manager, "Deactivate", wes.Id)).StatusCode);

        var accept = await AccountsFixture.PostFormAsync(host.CreateClient(), link, new() { ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password }, getPath: "/Account/Login");
        Assert.Equal(HttpStatusCode.BadRequest, accept.StatusCode);
        Assert.Null((await FindAsync("wes@personas.test"))!.PasswordHash);
        var resend = await ActAsync(manager, "Resend", wes.Id);
        Assert.Contains("reactivate the account before sending the invitation again", await resend.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unlocking_an_account_locked_by_failed_sign_ins_lets_it_sign_in_again()
    {
        var ulla = await CreateAsync("ulla@personas.test", "Ulla Unlocked", PracticeRole.Therapist);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/Login", new() { ["Input.Email"] = "ulla@personas.test", ["Input.Password"] = "Wrong-Password-1" });
        }

        var locked = await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/Login", new() { ["Input.Email"] = "ulla@personas.test", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode); // locked: the right password does not sign in
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        Assert.Contains("Locked until", (await new HtmlParser().ParseDocumentAsync(await manager.GetStringAsync("/Manage/Staff"))).QuerySelector($"#account-{ulla.Id}")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(manager, "Unlock", ulla.Id)).StatusCode);

        await host.SignedInClientAsync("ulla@personas.test", Password);
        Assert.Equal(0, (await FindAsync("ulla@personas.test"))!.AccessFailedCount);
        Assert.Contains(await AuditAsync(ulla.Id), a => a.Action == AccountAudit.Unlocked.Code);
        var notLocked = await ActAsync(manager, "Unlock", ulla.Id);
        Assert.Contains("Ulla Unlocked is not locked.", await notLocked.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Deactivate")]
    [InlineData("ChangeRole")]
    [InlineData("Unlock")]
    public async Task An_action_on_a_clients_account_or_an_unknown_one_is_refused_with_a_message(string action)
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        foreach (var id in new[] { host.Personas.ClientA.UserId, "no-such-account", "" })
        {
            var response = await ActAsync(manager, action, id, ("role", "Therapist"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("That account is not on the staff list", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        Assert.Null((await FindAsync(host.Personas.ClientA.Email))!.DeactivatedAt);
    }

    internal static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    /// <summary>Posts one of the Staff page's per-account forms, with the antiforgery token from the page.</summary>
    internal static Task<HttpResponseMessage> ActAsync(HttpClient manager, string handler, string accountId, (string Name, string Value)? extra = null, string? getPath = null)
    {
        var fields = new Dictionary<string, string> { ["id"] = accountId };
        if (extra is { } field)
        {
            fields[field.Name] = field.Value;
        }

        return AccountsFixture.PostFormAsync(manager, $"/Manage/Staff?handler={handler}", fields, getPath ?? "/Manage/Staff");
    }

    private Task<PracticeUser> CreateAsync(string email, string name, PracticeRole role, Guid? therapistId = null) => host.InScopeAsync(async scope =>
    {
        var (user, errors) = await scope.Resolve<AccountSeeding>().CreateAsync(email, name, Password, role, null, therapistId);
        Assert.True(user is not null, string.Join(" ", errors));
        return user;
    });

    private Task<PracticeUser?> FindAsync(string email) =>
        host.InScopeAsync(scope => scope.Resolve<UserManager<PracticeUser>>().FindByEmailAsync(email));

    private Task<int> EmailsToAsync(string email) =>
        host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.CountAsync(e => e.Recipient == email));

    private Task<TherapistSummary?> BookableAsync(Guid profileId) =>
        host.InScopeAsync(scope => scope.Resolve<ITherapistDirectory>().FindAsync(profileId, CancellationToken.None));

    private Task<List<Platform.Audit.AuditRecord>> AuditAsync(string accountId) =>
        host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().AuditRecords.AsNoTracking().Where(a => a.RecordType == AccountAudit.RecordType && a.RecordId == accountId).ToListAsync());
}

/// <summary>The clinic always keeps an active manager (issue 17). A fixture of its own: it changes who the managers are.</summary>
[Trait("Category", "Persistence")]
public sealed class StaffLastManagerTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task The_last_active_manager_cannot_be_demoted_or_deactivated_and_nobody_deactivates_themself()
    {
        // A manager invited but not signed up yet manages nothing: Morgan is still the last active one.
        await host.InScopeAsync(scope => scope.Resolve<IAccounts>().InviteAsync(new AccountInvitation("nell@personas.test", "Nell New", PracticeRole.Manager, null), CancellationToken.None));
        var morgan = host.Personas.Manager;
        var manager = await host.SignedInClientAsync(morgan.Email);
        var own = (await new HtmlParser().ParseDocumentAsync(await manager.GetStringAsync($"/Manage/Staff?confirm=deactivate&id={morgan.UserId}"))).QuerySelector($"#account-{morgan.UserId}")!;
        Assert.DoesNotContain(own.QuerySelectorAll("a"), a => a.TextContent.Contains("Deactivate", StringComparison.Ordinal)); // no way offered to deactivate oneself

        var demoted = await StaffActionsTests.ActAsync(manager, "ChangeRole", morgan.UserId, ("role", "Reception"));
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal("Morgan Manager is the clinic's last active manager: make someone else a manager first.", await RowErrorAsync(demoted, morgan.UserId));
        var deactivated = await StaffActionsTests.ActAsync(manager, "Deactivate", morgan.UserId);
        Assert.Equal("Morgan Manager is the clinic's last active manager and cannot be deactivated.", await RowErrorAsync(deactivated, morgan.UserId));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Manage/Staff")).StatusCode); // still a manager, still signed in

        await host.InScopeAsync(async scope =>
        {
            var (user, errors) = await scope.Resolve<AccountSeeding>().CreateAsync("max@personas.test", "Max Manager", "Max-Password-2026", PracticeRole.Manager, null, null);
            Assert.True(user is not null, string.Join(" ", errors));
            return user;
        });
        var self = await StaffActionsTests.ActAsync(manager, "Deactivate", morgan.UserId);
        Assert.Equal("You cannot deactivate your own account: another manager can.", await RowErrorAsync(self, morgan.UserId));

        // With another active manager, stepping down is allowed (and signs Morgan out).
        Assert.Equal(HttpStatusCode.Redirect, (await StaffActionsTests.ActAsync(manager, "ChangeRole", morgan.UserId, ("role", "Reception"))).StatusCode);
        StaffActionsTests.AssertSignedOut(await manager.GetAsync("/Manage/Staff"));
    }

    private static async Task<string?> RowErrorAsync(HttpResponseMessage response, string accountId)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector($"#account-{accountId} .field-error")?.TextContent.Trim();
    }
}
