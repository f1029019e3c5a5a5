using System.Net;
using Autofac;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Email;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>
/// The Clients module against the real platform services (accounts, e-mail, audit trail): its commands write
/// the host's tables inside their own transaction, which on SQLite must not wait for the command's own lock.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class ClientsOnThePlatformTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    private const string GoodPassword = "Portal-Password-2026!";

    [Fact]
    public async Task A_manager_invites_a_client_from_their_record_and_the_accepted_account_sees_only_that_record()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var clientId = await RegisterAsync(manager, "Ivy", "Invite", "ivy@personas.test");

        var invite = await manager.PostAsync($"/api/clients/{clientId}/invite", null);
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        var link = AccountsFixture.LinkIn(await host.LastEmailToAsync("ivy@personas.test"));
        var accepted = await AccountsFixture.PostFormAsync(host.CreateClient(), link, new() { ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var ivy = await host.SignedInClientAsync("ivy@personas.test", GoodPassword);
        var own = await ivy.GetFromJsonAsync<JsonObject>($"/api/clients/{clientId}");
        Assert.Equal("Ivy", own!["givenName"]!.GetValue<string>());
        Assert.Contains("Ivy Invite", await ivy.GetStringAsync("/Portal"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ivy.GetAsync($"/api/clients/{host.Personas.ClientA.ClientId}")).StatusCode);
    }

    [Fact]
    public async Task A_locked_client_is_told_by_the_clinic_when_the_lock_ends_in_their_own_time()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var clientId = await RegisterAsync(manager, "Nell", "NewYork", "nell@personas.test", timeZone: "America/New_York");
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/clients/{clientId}/invite", null)).StatusCode);
        var link = AccountsFixture.LinkIn(await host.LastEmailToAsync("nell@personas.test"));
        await AccountsFixture.PostFormAsync(host.CreateClient(), link, new() { ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword });

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/Login", new() { ["Input.Email"] = "nell@personas.test", ["Input.Password"] = "Wrong-Password-1" });
        }

        var told = await host.LastEmailToAsync("nell@personas.test");
        Assert.Equal("account-locked", told.Kind);
        var clinic = await host.InScopeAsync(scope => scope.Resolve<PracticeSuite.SharedKernel.Hosting.Platform.IClinicIdentity>().GetAsync(CancellationToken.None));
        Assert.Equal($"Your {clinic.Name} account is locked for a while", told.Subject);
        Assert.DoesNotContain("PracticeSuite", told.TextBody, StringComparison.Ordinal);
        // The clinic keeps London time in tests; the client reads New York's, five hours behind in December.
        var until = System.Text.RegularExpressions.Regex.Match(told.TextBody, @"locked until \d{1,2} [A-Z][a-z]{2} \d{4}, (\d{2}):(\d{2}) New York time \((\d{2}):(\d{2}) London time\)");
        Assert.True(until.Success, told.TextBody);
        Assert.Equal((int.Parse(until.Groups[3].Value) - 5 + 24) % 24, int.Parse(until.Groups[1].Value));
        Assert.Equal(until.Groups[4].Value, until.Groups[2].Value);
    }

    [Fact]
    public async Task Archiving_a_client_withdraws_the_invitation_they_have_not_accepted()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var clientId = await RegisterAsync(manager, "Arlo", "Archive", "arlo@personas.test");
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/clients/{clientId}/invite", null)).StatusCode);
        var link = AccountsFixture.LinkIn(await host.LastEmailToAsync("arlo@personas.test"));

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/clients/{clientId}/archive", null)).StatusCode);

        var page = await host.CreateClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("This link has expired.", await page.Content.ReadAsStringAsync());
        var accepted = await AccountsFixture.PostFormAsync(host.CreateClient(), link, new() { ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword }, getPath: "/Account/Login");
        Assert.Contains("This link has expired.", await accepted.Content.ReadAsStringAsync());
        var signIn = await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/Login", new() { ["Input.Email"] = "arlo@personas.test", ["Input.Password"] = GoodPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again: no password was ever set
    }

    [Fact]
    public async Task An_audited_command_commits_its_audit_entry_with_it_and_erasure_removes_the_account_in_the_same_transaction()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var clientId = await RegisterAsync(manager, "Ezra", "Erase", "ezra@personas.test");
        await (await manager.PostAsync($"/api/clients/{clientId}/invite", null)).Content.ReadAsStringAsync();
        var link = AccountsFixture.LinkIn(await host.LastEmailToAsync("ezra@personas.test"));
        await AccountsFixture.PostFormAsync(host.CreateClient(), link, new() { ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword });

        var refused = await manager.PostAsJsonAsync($"/api/clients/{clientId}/erase", new { confirmed = false });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var erased = await manager.PostAsJsonAsync($"/api/clients/{clientId}/erase", new { confirmed = true });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        await host.InScopeAsync(async scope =>
        {
            var db = scope.Resolve<AccountsDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.ClientId == clientId));
            Assert.Contains(await db.AuditRecords.Where(a => a.ClientId == clientId).Select(a => a.Action).ToListAsync(), a => a == "clients.record.erased");
            return 0;
        });
        var signIn = await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/Login", new() { ["Input.Email"] = "ezra@personas.test", ["Input.Password"] = GoodPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again, with its error: the account is gone
    }

    [Fact]
    public async Task A_therapist_adding_a_colleague_to_their_clients_care_team_e_mails_the_manager_the_record_link_and_nothing_clinical()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var clientId = await RegisterAsync(manager, "Nora", "Notice", "nora@personas.test");
        await (await manager.PutAsJsonAsync($"/api/clients/{clientId}/care-team", new { therapistIds = new[] { host.Personas.TherapistA.TherapistId } })).EnsureSuccessAsync();
        Assert.Empty(await CareTeamNoticesAsync()); // the manager setting a team tells nobody

        var tara = await host.SignedInClientAsync(host.Personas.TherapistA.Email);
        var added = await tara.PutAsJsonAsync($"/api/clients/{clientId}/care-team", new { therapistIds = new[] { host.Personas.TherapistA.TherapistId, host.Personas.TherapistB.TherapistId } });
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);

        var notice = Assert.Single(await CareTeamNoticesAsync());
        Assert.Equal(host.Personas.Manager.Email, notice.Recipient);
        Assert.Equal("A therapist added a colleague to a care team", notice.Subject);
        Assert.Equal(
            $"Hello {host.Personas.Manager.DisplayName},\n\n{host.Personas.TherapistA.DisplayName} added {host.Personas.TherapistB.DisplayName} to a client's care team. " +
            $"Open the record to review it:\n\nhttp://localhost/Clients/{clientId}\n\nYour clinic\n", // signed off with the clinic's name
            notice.TextBody);
        Assert.DoesNotContain("Nora", notice.TextBody, StringComparison.Ordinal);

        // Removing a colleague widens nobody's access: no message.
        var removed = await tara.PutAsJsonAsync($"/api/clients/{clientId}/care-team", new { therapistIds = new[] { host.Personas.TherapistA.TherapistId } });
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Single(await CareTeamNoticesAsync());
    }

    [Fact]
    public async Task A_therapist_not_on_the_care_team_cannot_change_it_and_nobody_is_told()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var clientId = await RegisterAsync(manager, "Otto", "Outside", "otto@personas.test");
        await (await manager.PutAsJsonAsync($"/api/clients/{clientId}/care-team", new { therapistIds = new[] { host.Personas.TherapistA.TherapistId } })).EnsureSuccessAsync();
        var before = (await CareTeamNoticesAsync()).Count;

        var theo = await host.SignedInClientAsync(host.Personas.TherapistB.Email);
        var refused = await theo.PutAsJsonAsync($"/api/clients/{clientId}/care-team", new { therapistIds = new[] { host.Personas.TherapistA.TherapistId, host.Personas.TherapistB.TherapistId } });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode); // a record the therapist may not see: its existence is not revealed
        Assert.Equal(before, (await CareTeamNoticesAsync()).Count);
        var team = await manager.GetFromJsonAsync<JsonObject>($"/api/clients/{clientId}/care-team");
        Assert.Equal(host.Personas.TherapistA.TherapistId, team!["preferredTherapistId"]!.GetValue<Guid>());
    }

    private Task<List<EmailRecord>> CareTeamNoticesAsync() => host.InScopeAsync(scope =>
        scope.Resolve<AccountsDbContext>().Emails.AsNoTracking().Where(e => e.Kind == "care-team-changed").OrderBy(e => e.QueuedAt).ToListAsync());

    private static async Task<Guid> RegisterAsync(HttpClient manager, string givenName, string familyName, string email, string timeZone = "Europe/London")
    {
        var response = await manager.PostAsJsonAsync("/api/clients", new
        {
            givenName, familyName, dateOfBirth = "1988-04-02", email, phone = "+44 20 7946 0001", timeZone, pressurePreference = "Medium",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }
}
