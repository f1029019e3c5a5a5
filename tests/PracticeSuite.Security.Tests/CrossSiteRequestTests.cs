using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Accounts.Tests;
using PracticeSuite.Platform.Security;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// An unsafe API request carrying the sign-in cookie needs evidence that it comes from this site (issue 16, defect 7):
/// before, a form on another site could archive, restore or invite with a signed-in manager's cookie.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class CrossSiteRequestTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    [Theory]
    [InlineData(null, null)] // says nothing of where it came from: a form post from an old browser, or a script elsewhere
    [InlineData("http://evil.example", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")] // a sibling subdomain is another site's page too
    [InlineData("http://localhost", "cross-site")] // the browser's own word wins over a header a script could copy
    public async Task A_signed_in_post_from_elsewhere_is_refused(string? origin, string? fetchSite)
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        manager.DefaultRequestHeaders.Remove("Origin");

        var response = await manager.SendAsync(Visit(origin, fetchSite));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Cross-site request refused", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://localhost", null)]
    [InlineData(null, "same-origin")]
    public async Task A_signed_in_post_from_this_site_goes_through(string? origin, string? fetchSite)
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        manager.DefaultRequestHeaders.Remove("Origin");

        var response = await manager.SendAsync(Visit(origin, fetchSite));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Without_the_sign_in_cookie_there_is_nothing_to_borrow_and_no_check() =>
        Assert.Equal(HttpStatusCode.Created, (await host.CreateClient().SendAsync(Visit(null, "cross-site"))).StatusCode);

    [Fact]
    public void The_endpoints_other_sites_may_post_to_are_exactly_the_listed_ones()
    {
        var allowed = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<CrossSiteRequests.CrossSiteAllowed>() is not null)
            .Select(e => e.DisplayName).ToList();
        Assert.Empty(allowed); // payment and SMS webhooks (signed) and the reviews widget join this list when they exist
    }

    private static HttpRequestMessage Visit(string? origin, string? fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alpha/visits")
        {
            Content = JsonContent.Create(new { visitorName = "Cross Site", fee = 10m, currency = "EUR" }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }
}
