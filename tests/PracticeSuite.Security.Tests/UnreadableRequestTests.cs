using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// A 400 for a request that does not read names the API's own field and what it should hold, never an internal type
/// (issue 16, item 13): "System.Nullable`1[System.DateOnly]" or "RegisterClient command" tell an attacker how the
/// server is built and a developer nothing they can act on.
/// </summary>
public sealed class UnreadableRequestTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    [Theory]
    [InlineData("""{"givenName":"Ann","familyName":"Bee","dateOfBirth":"not a date","timeZone":"Europe/London"}""",
        "The value of “dateOfBirth” could not be read as a date (yyyy-mm-dd).")]
    [InlineData("""{"givenName":"Ann","familyName":"Bee","dateOfBirth":"1980-01-01","pressurePreference":"Hard"}""",
        "The value of “pressurePreference” could not be read as one of its allowed values.")]
    [InlineData("""{"givenName":["Ann"]}""", "The value of “givenName” could not be read as text.")]
    [InlineData("""{"givenName":"Ann",""", "The body is not valid JSON.")]
    public async Task A_body_that_does_not_read_is_told_by_its_field(string body, string detail)
    {
        var response = await host.Manager().PostAsync("/api/clients", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
        Assert.DoesNotContain("System.", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PracticeSuite", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("RegisterClient", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_value_that_does_not_read_is_a_bad_request_naming_no_internal_type()
    {
        var response = await host.Manager().GetAsync("/api/clients?includeArchived=perhaps");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(400, JsonNode.Parse(body)!["status"]!.GetValue<int>());
        Assert.DoesNotContain("Boolean", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_a_body_asks_for_one()
    {
        var response = await host.Manager().PostAsync("/api/clients", new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("The request has no body: send its fields as JSON.", problem["detail"]!.GetValue<string>());
    }
}
