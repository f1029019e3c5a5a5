using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>The API document shows what the Clients endpoints answer, problems included.</summary>
public sealed class ApiDocumentTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonNode> ResponsesAsync(string path, string method)
    {
        var document = JsonNode.Parse(await host.Therapist(People.TherapistA).GetStringAsync("/openapi/v1.json", Ct))!;
        return document["paths"]![path]![method]!["responses"]!;
    }

    [Fact]
    public async Task A_command_endpoint_lists_its_success_and_each_problem_as_problem_json()
    {
        var responses = await ResponsesAsync("/api/clients/{clientId}", "put");

        Assert.NotNull(responses["204"]);
        foreach (var status in new[] { "400", "401", "403", "404", "409", "500" })
        {
            Assert.NotNull(responses[status]?["content"]?["application/problem+json"]);
        }
    }

    [Fact]
    public async Task Registration_documents_the_created_record_and_the_intake_read_both_of_its_answers()
    {
        var created = (await ResponsesAsync("/api/clients", "post"))["201"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/ClientCreated", created["$ref"]!.GetValue<string>());

        var intake = await ResponsesAsync("/api/clients/{clientId}/intake", "get");
        Assert.Equal("#/components/schemas/IntakeView", intake["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(intake["204"]);
    }
}
