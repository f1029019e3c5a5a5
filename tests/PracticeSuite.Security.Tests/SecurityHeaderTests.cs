using System.Net;
using PracticeSuite.Accounts.Tests;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>Every response carries the security headers; what pages and endpoints answer is never cached (issue 16, defect 10).</summary>
public sealed class SecurityHeaderTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    private const string OwnPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'";

    [Theory]
    [InlineData("/", true)]
    [InlineData("/Account/Login", true)]
    [InlineData("/api/alpha/visits", true)]
    [InlineData("/no-such-page", true)]
    [InlineData("/css/site.css", false)] // a static file: cacheable
    public async Task Every_response_carries_the_headers_and_only_static_files_may_be_cached(string path, bool noStore)
    {
        var response = await host.CreateClient().GetAsync(path);

        AssertHeaders(response, OwnPolicy);
        Assert.Equal(noStore, response.Headers.CacheControl?.NoStore == true);
    }

    [Fact]
    public async Task A_signed_in_page_is_not_stored_and_the_job_dashboard_has_its_own_policy_still_refusing_framing()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);

        var staff = await manager.GetAsync("/Manage/Staff");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        AssertHeaders(staff, OwnPolicy);
        Assert.True(staff.Headers.CacheControl?.NoStore);

        var jobs = await manager.GetAsync("/Operations/Jobs");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        var policy = string.Join(";", jobs.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-inline'", policy); // Hangfire's page has inline script
        Assert.Contains("frame-ancestors 'self'", policy);
    }

    private static void AssertHeaders(HttpResponseMessage response, string policy)
    {
        Assert.Equal(policy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", string.Join(",", response.Headers.GetValues("Permissions-Policy")));
    }
}
