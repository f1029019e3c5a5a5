using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Autofac;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>Requests through the behaviours (logging, validation, unit of work) against a real database.</summary>
[Trait("Category", "Persistence")]
public sealed class PipelineTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Behaviours_run_in_order_logging_access_checks_validation_unit_of_work_audit()
    {
        var requestType = host.Factory.Container.ComponentRegistry.Registrations
            .SelectMany(r => r.Services).OfType<Autofac.Core.TypedService>()
            .Select(s => s.ServiceType)
            .First(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) && t.GenericTypeArguments[0].Name == "RecordVisit");
        var behaviourType = typeof(IEnumerable<>).MakeGenericType(typeof(IPipelineBehavior<,>).MakeGenericType(requestType.GenericTypeArguments));

        using var scope = host.Factory.Container.BeginLifetimeScope();
        var behaviours = ((IEnumerable<object>)scope.Resolve(behaviourType)).Select(b => b.GetType().GetGenericTypeDefinition()).ToList();
        Assert.Equal([typeof(LoggingBehavior<,>), typeof(AccessCheckBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>), typeof(AuditBehavior<,>)], behaviours);
    }

    [Fact]
    public async Task A_valid_command_commits_with_exact_money()
    {
        var client = host.Factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/alpha/visits", new { visitorName = "Cleo", fee = 19.99m, currency = "EUR" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var visits = await client.GetFromJsonAsync<JsonElement>("/api/alpha/visits", Ct);
        var cleo = visits.EnumerateArray().Single(v => v.GetProperty("visitorName").GetString() == "Cleo");
        Assert.Equal(1999, cleo.GetProperty("feeMinorUnits").GetInt64());
        Assert.Equal("EUR", cleo.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_problem_with_every_field_error_and_nothing_is_saved()
    {
        var client = host.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/alpha/visits", new { visitorName = "", fee = 1.234m, currency = "XXX" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Enter the visitor's name.", errors.GetProperty("VisitorName")[0].GetString());
        Assert.Equal("Choose a supported currency.", errors.GetProperty("Currency")[0].GetString());

        var tooPrecise = await client.PostAsJsonAsync("/api/alpha/visits", new { visitorName = "Dee", fee = 1.234m, currency = "EUR" }, Ct);
        var precision = await tooPrecise.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("The fee has more decimal places than the currency allows.", precision.GetProperty("errors").GetProperty("Fee")[0].GetString());

        var visits = await client.GetFromJsonAsync<JsonElement>("/api/alpha/visits", Ct);
        Assert.DoesNotContain(visits.EnumerateArray(), v => v.GetProperty("visitorName").GetString() == "Dee");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var client = host.Factory.CreateClient();
        var response = await client.PostAsync("/api/alpha/visits", new StringContent("{\"visitorName\": ", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_failing_domain_event_handler_rolls_back_the_whole_command_and_its_audit_entry()
    {
        var client = host.Factory.CreateClient();
        var visitsRecordedBefore = await host.Factory.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().AuditRecords.CountAsync(r => r.Action == "alpha.visit.recorded", Ct));
        for (var i = 0; i < 3; i++)
        {
            var ok = await client.PostAsJsonAsync("/api/alpha/visits", new { visitorName = "Eve", fee = 10m, currency = "EUR" }, Ct);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/alpha/visits", new { visitorName = "Eve", fee = 10m, currency = "EUR" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("visits.limit", problem.GetProperty("code").GetString());

        // The visit was saved before the tally handler refused it; the transaction must have undone it.
        var visits = await client.GetFromJsonAsync<JsonElement>("/api/alpha/visits", Ct);
        var eves = visits.EnumerateArray().Where(v => v.GetProperty("visitorName").GetString() == "Eve").Select(v => v.GetProperty("id").GetGuid().ToString()).ToList();
        Assert.Equal(3, eves.Count);

        // The change's audit entry was in the same transaction: three entries, none for the visit undone.
        var audited = await host.Factory.InScopeAsync(scope => scope.Resolve<AccountsDbContext>().AuditRecords
            .Where(r => r.Action == "alpha.visit.recorded").Select(r => r.RecordId).ToListAsync(Ct));
        Assert.Equal(eves.Order(), audited.Where(eves.Contains).Order());
        Assert.Equal(visitsRecordedBefore + 3, audited.Count);
    }

    [Fact]
    public async Task Page_validation_shows_messages_beside_the_fields_and_saves_nothing()
    {
        var client = host.Factory.CreateClient();
        var form = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/Alpha", Ct));
        var token = form.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/Alpha", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.VisitorName"] = "",
            ["Input.Fee"] = "5",
            ["Input.Currency"] = "EUR",
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Enter the visitor's name.", page.QuerySelector("#Input_VisitorName ~ .field-error")!.TextContent.Trim());
        Assert.Equal("5", page.QuerySelector("input[name='Input.Fee']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_callers_trace_id_is_logged_with_the_request_and_put_in_its_problem()
    {
        const string TraceId = "0af7651916cd43dd8448eb211c80319c";
        var client = host.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alpha/visits") { Content = JsonContent.Create(new { visitorName = "", fee = 1m, currency = "EUR" }) };
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");
        var response = await client.SendAsync(request, Ct);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(TraceId, problem.GetProperty("traceId").GetString());
        Assert.Contains(host.Factory.Logs.Entries, e =>
            e.Message.StartsWith("Rejected RecordVisit", StringComparison.Ordinal) &&
            Equals(e.Scope.GetValueOrDefault("TraceId"), TraceId));
    }

    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_its_details()
    {
        var client = host.Factory.CreateClient();
        var response = await client.GetAsync("/api/alpha/fault", Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("An unexpected error occurred.", body);
        Assert.DoesNotContain("internal detail", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task A_form_posted_to_a_missing_page_is_the_404_page_not_an_antiforgery_400()
    {
        var response = await host.Factory.CreateClient().PostAsync("/no-such-page", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task Cookies_are_secure_exactly_when_the_request_is_https(string baseAddress, bool secure)
    {
        var client = host.Factory.CreateClient(new() { BaseAddress = new Uri(baseAddress) });
        var response = await client.GetAsync("/Alpha", Ct);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PracticePlatform.AntiforgeryCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_layout_links_its_style_sheet_with_a_version_that_is_served()
    {
        var client = host.Factory.CreateClient();
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/", Ct));
        var href = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        // ASP.NET Core's own version: the SHA-256 of the file's content, base64url (43 characters).
        Assert.Matches("^/css/site\\.css\\?v=[A-Za-z0-9_-]{43}$", href);

        var styleSheet = await client.GetAsync(href, Ct);
        Assert.Equal(HttpStatusCode.OK, styleSheet.StatusCode);
        Assert.Equal("text/css", styleSheet.Content.Headers.ContentType?.MediaType);
    }
}
