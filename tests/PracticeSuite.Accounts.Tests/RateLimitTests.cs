using System.Net;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>The host with low limits: three sign-in posts and two reset posts per address per window.</summary>
public sealed class LowRateLimitFixture : AccountsFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Accounts:RateLimit:LoginPermits"] = "3",
        ["Accounts:RateLimit:ResetPermits"] = "2",
        ["Accounts:RateLimit:Window"] = "01:00:00",
    };
}

[Trait("Category", "Persistence")]
public sealed class RateLimitTests(LowRateLimitFixture host) : IClassFixture<LowRateLimitFixture>
{
    [Fact]
    public async Task Sign_in_and_reset_posts_beyond_the_limit_are_refused_with_429()
    {
        var client = host.CreateClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var allowed = await AccountsFixture.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "someone@personas.test", ["Input.Password"] = "Wrong-Password-1" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await AccountsFixture.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = host.Personas.Manager.Email, ["Input.Password"] = AccountsFixture.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode); // showing the page is not limited

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var allowed = await AccountsFixture.PostFormAsync(client, "/Account/ForgotPassword", new() { ["Email"] = "someone@personas.test" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var resetRefused = await AccountsFixture.PostFormAsync(client, "/Account/ForgotPassword", new() { ["Email"] = "someone@personas.test" });
        Assert.Equal(HttpStatusCode.TooManyRequests, resetRefused.StatusCode);
    }
}
