using System.Net;
using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Accounts.Tests;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Audit;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>Sign-in, sign-out, refused sign-in and refused access are in the audit trail (issue 16, defect 11).</summary>
[Trait("Category", "Persistence")]
public sealed class AccountAuditTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task Signing_in_and_out_refused_sign_ins_and_refused_pages_are_audited_with_the_account()
    {
        var userId = await host.InScopeAsync(async scope =>
        {
            var (user, errors) = await scope.Resolve<AccountSeeding>().CreateAsync("abe@personas.test", "Abe", "Abe-Password-2026", PracticeRole.Client, Guid.NewGuid(), null);
            Assert.True(user is not null, string.Join(" ", errors));
            return user.Id;
        });

        await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/Login", new() { ["Input.Email"] = "abe@personas.test", ["Input.Password"] = "Not-Abes-Password" });
        await AccountsFixture.PostFormAsync(host.CreateClient(), "/Account/Login", new() { ["Input.Email"] = "nobody.at.all@personas.test", ["Input.Password"] = "Whatever-Password" });
        var abe = await host.SignedInClientAsync("abe@personas.test", "Abe-Password-2026");
        Assert.Equal(HttpStatusCode.Redirect, (await abe.GetAsync("/Manage/Staff")).StatusCode); // a client on a manager's page
        await AccountsFixture.PostFormAsync(abe, "/Account/Logout", [], getPath: "/");

        var entries = await host.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().AuditRecords.AsNoTracking()
            .Where(r => r.RecordType == AccountAudit.RecordType).OrderBy(r => r.OccurredAt).ThenBy(r => r.Id).ToListAsync());
        var abes = entries.Where(e => e.UserId == userId).Select(e => e.Action).ToList();
        Assert.Equal(["accounts.sign-in-refused", "accounts.signed-in", "accounts.access-refused", "accounts.signed-out"], abes);
        Assert.Equal("/Manage/Staff", entries.Single(e => e.UserId == userId && e.Action == "accounts.access-refused").RecordId);
        Assert.Equal("Client", entries.Single(e => e.UserId == userId && e.Action == "accounts.signed-in").Role);
        var stranger = Assert.Single(entries, e => e.Action == "accounts.sign-in-refused" && e.UserId is null);
        Assert.DoesNotContain("nobody.at.all", stranger.RecordId); // the typed address is not kept
    }
}
