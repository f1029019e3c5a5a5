using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using System.Text.Json;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// Alpha is built in the solution; Beta is built outside it against the SharedKernel binaries and staged
/// by copying. Alpha's page and endpoint send Beta's query, and Beta's handler answers.
/// </summary>
public sealed class ModuleLoadingTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly HtmlParser Html = new();

    [Fact]
    public async Task A_module_page_sends_a_query_that_the_external_module_answers()
    {
        var client = host.Factory.CreateClient();
        var page = await client.GetStringAsync("/Alpha?name=Ann", TestContext.Current.CancellationToken);

        var document = await Html.ParseDocumentAsync(page);
        var greeting = document.QuerySelector(".greeting");
        Assert.NotNull(greeting);
        Assert.Equal("Hello, Ann!", greeting.TextContent.Trim());
        Assert.Equal("Beta", greeting.GetAttribute("data-answered-by"));
        Assert.Equal("Alpha visits · Your clinic", document.Title); // the clinic, unnamed until a manager names it
        Assert.NotNull(document.QuerySelector("header.topbar nav a[href='/Alpha']"));
    }

    [Fact]
    public async Task A_module_endpoint_sends_a_query_that_the_external_module_answers()
    {
        var client = host.Factory.CreateClient();
        var greeting = await client.GetFromJsonAsync<JsonElement>("/api/alpha/greeting/Bo", TestContext.Current.CancellationToken);
        Assert.Equal("Hello, Bo!", greeting.GetProperty("text").GetString());
        Assert.Equal("Beta", greeting.GetProperty("answeredBy").GetString());
    }

    [Fact]
    public async Task The_layout_shows_each_enabled_module_navigation_and_its_static_files_are_served()
    {
        var client = host.Factory.CreateClient();
        var home = await Html.ParseDocumentAsync(await client.GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.Contains("Alpha visits", home.QuerySelectorAll("nav a").Select(a => a.TextContent.Trim())); // product modules add theirs

        var css = await client.GetAsync("/_modules/alpha/alpha.css", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(".greeting", await css.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>
/// ASP.NET Core's own API document and Scalar's browser for it. That both are staff only outside Development (issue 16)
/// is tested with the security tests (ApiDocumentAccessTests).
/// </summary>
public sealed class ApiDocumentTests(SignedInHostFixture host) : IClassFixture<SignedInHostFixture>
{
    [Fact]
    public async Task The_openapi_document_lists_module_endpoints()
    {
        var client = host.Factory.CreateClient().As(PracticeRole.Therapist, "user-therapist");
        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("\"/api/alpha/visits\"", document);
        Assert.Contains("\"/api/alpha/greeting/{name}\"", document);
        Assert.Contains("\"openapi\": \"3.1", document); // ASP.NET Core's own generator, OpenAPI 3.1
    }

    [Fact]
    public async Task The_api_browser_is_served_from_the_host_and_loads_nothing_from_elsewhere()
    {
        var client = host.Factory.CreateClient().As(PracticeRole.Therapist, "user-therapist");
        var page = await client.GetStringAsync("/openapi/", TestContext.Current.CancellationToken);

        Assert.Contains("PracticeSuite API", page);
        var addresses = System.Text.RegularExpressions.Regex.Matches(page, "(?:src|href)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(addresses);
        Assert.All(addresses, address => Assert.False(Uri.TryCreate(address, UriKind.Absolute, out _), $"{address} is on another host"));
        Assert.DoesNotContain("fonts.scalar.com", page);
        var script = await client.GetAsync("/openapi/scalar.js", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}

/// <summary><c>Modules:Alpha:Enabled=false</c> removes Alpha's pages, endpoints, navigation and files.</summary>
public sealed class DisabledModuleTests(AlphaDisabledFixture host) : IClassFixture<AlphaDisabledFixture>
{
    [Theory]
    [InlineData("/Alpha")]
    [InlineData("/api/alpha/visits")]
    [InlineData("/api/alpha/greeting/Ann")]
    [InlineData("/_modules/alpha/alpha.css")]
    public async Task A_disabled_module_answers_nothing(string path)
    {
        var response = await host.Factory.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_disabled_module_leaves_no_navigation_and_no_handlers()
    {
        var home = await host.Factory.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Alpha visits", home);
        Assert.Contains("No modules with pages are enabled", home);

        var alphaComponents = host.Factory.Container.ComponentRegistry.Registrations
            .Select(r => r.Activator.LimitType)
            .Where(t => t.Assembly.GetName().Name == "PracticeSuite.Modules.Alpha");
        Assert.Empty(alphaComponents);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_document()
    {
        var response = await host.Factory.CreateClient().GetAsync("/api/alpha/visits", TestContext.Current.CancellationToken);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
