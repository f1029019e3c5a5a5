using System.Net;
using Autofac;
using PracticeSuite.Accounts.Tests;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>Development without Accounts:PublicUrl (outside Development the host refuses to start without it).</summary>
public sealed class DevelopmentWithoutPublicUrlFixture : AccountsFixture
{
    protected override string Environment => "Development";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Accounts:PublicUrl"] = "",
        ["Demo:Enabled"] = "false",
    };
}

/// <summary>
/// Links in e-mails are never built from the request's Host header: a forged one would send the real user a working
/// reset token on the attacker's address (issue 16, defect 1).
/// </summary>
[Trait("Category", "Persistence")]
public sealed class HostHeaderTests(DevelopmentWithoutPublicUrlFixture host) : IClassFixture<DevelopmentWithoutPublicUrlFixture>
{
    [Fact]
    public async Task A_reset_asked_for_under_a_forged_host_header_links_to_the_servers_own_address()
    {
        await host.InScopeAsync(async scope =>
        {
            var (user, errors) = await scope.Resolve<AccountSeeding>().CreateAsync("hugo@personas.test", "Hugo", "Old-Password-2026", PracticeRole.Client, Guid.NewGuid(), null);
            Assert.True(user is not null, string.Join(" ", errors));
            return user;
        });
        var forged = host.CreateClient();
        forged.DefaultRequestHeaders.Host = "evil.example";

        var asked = await AccountsFixture.PostFormAsync(forged, "/Account/ForgotPassword", new() { ["Email"] = "hugo@personas.test" });

        Assert.True(asked.IsSuccessStatusCode || asked.StatusCode == HttpStatusCode.Redirect, $"{(int)asked.StatusCode}");
        var body = (await host.LastEmailToAsync("hugo@personas.test")).TextBody;
        Assert.DoesNotContain("evil.example", body);
        // The test server listens nowhere, so the link falls back to the address `dotnet run` serves.
        Assert.Matches(@"http://localhost:5080/Account/ResetPassword\?token=\S+", body);
    }
}
