using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PracticeSuite.Clients.Tests;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// The server errors of issue 16 (defect 6), one row each: null lists and null elements in the bodies the fuzzer found
/// them in, lists over the limit, a body over the size limit. Each is a 400 (413 for the size) ProblemDetails that
/// names the field, never a 500.
/// </summary>
[Trait("Category", "Persistence")] // on PostgreSQL too: what each database refuses differs (a NUL in text)
public sealed class NullSafeBodyTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private static readonly string ClientA = People.ClientA.ToString();

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // name, method and path (clientId = client A), body, the field the problem names
        { "preferences null", "PUT contact-preferences", """{"preferences":null}""", "Preferences" },
        { "preferences [null]", "PUT contact-preferences", """{"preferences":[null]}""", "Preferences[0]" },
        { "preferences 101 entries", "PUT contact-preferences", "{\"preferences\":[" + string.Join(",", Enumerable.Repeat("""{"kind":0,"channel":0,"allowed":true}""", 101)) + "]}", "Preferences" },
        { "screening null", "POST intake", Intake(screening: "null"), "Screening" },
        { "screening [null]", "POST intake", Intake(screening: "[null]"), "Screening[0]" },
        { "screening 101 entries", "POST intake", Intake(screening: "[" + string.Join(",", Enumerable.Repeat(Answer("fever"), 101)) + "]"), "Screening" },
        { "question key null", "POST intake", Intake(screening: "[" + Answer(null) + "]"), "Screening[0].QuestionKey" },
        { "question key empty", "POST intake", Intake(screening: "[" + Answer("") + "]"), "Screening[0].QuestionKey" },
        { "body areas null", "POST intake", Intake(screening: AllAnswered(Answer("open-wound", bodyAreas: "null"))), "Screening[0].BodyAreas" },
        { "body areas [null]", "POST intake", Intake(screening: AllAnswered(Answer("open-wound", bodyAreas: "[null]"))), "Screening[0].BodyAreas[0]" },
        { "body areas 101 entries", "POST intake", Intake(screening: AllAnswered(Answer("open-wound", bodyAreas: "[" + string.Join(",", Enumerable.Repeat("\"neck\"", 101)) + "]"))), "Screening[0].BodyAreas" },
        { "conditions null", "POST intake", Intake(conditions: "null"), "Conditions" },
        { "conditions [null]", "POST intake", Intake(conditions: "[null]"), "Conditions[0]" },
        { "conditions 101 entries", "POST intake", Intake(conditions: "[" + string.Join(",", Enumerable.Repeat("\"neck-pain\"", 101)) + "]"), "Conditions" },
        { "surgeries [null]", "POST intake", Intake(surgeries: "[null]"), "SurgeriesAndInjuries[0]" },
        { "surgeries null", "POST intake", Intake(surgeries: "null"), "SurgeriesAndInjuries" },
        { "surgeries 101 entries", "POST intake", Intake(surgeries: "[" + string.Join(",", Enumerable.Repeat("""{"description":"Wrist"}""", 101)) + "]"), "SurgeriesAndInjuries" },
        { "care team [null]", "PUT care-team", """{"therapistIds":[null]}""", "therapistIds" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_null_or_overlong_list_is_a_problem_naming_the_field(string name, string operation, string body, string field)
    {
        await host.SeedPersonasAsync();
        var (method, path) = (operation.Split(' ')[0], $"/api/clients/{ClientA}/{operation.Split(' ')[1]}");
        var response = await host.Manager().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: expected 400, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        var named = problem["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
        Assert.True(named.Contains(field, StringComparer.OrdinalIgnoreCase) || (problem["detail"]?.GetValue<string>() ?? "").Contains(field, StringComparison.OrdinalIgnoreCase),
            $"{name}: expected the problem to name {field}: {text}");
    }

    [Fact]
    public async Task The_intake_the_rows_start_from_is_valid()
    {
        await host.SeedPersonasAsync();
        var response = await host.Manager().PostAsync($"/api/clients/{ClientA}/intake", new StringContent(Intake(), Encoding.UTF8, "application/json"));
        await response.EnsureSuccessAsync();
    }

    [Fact]
    public async Task A_body_over_256_KB_is_a_413_problem()
    {
        await host.SeedPersonasAsync();
        foreach (var chunked in new[] { false, true })
        {
            var body = Intake(conditions: "[\"" + new string('a', 300 * 1024) + "\"]");
            HttpContent content = chunked
                ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))) // no Content-Length: read until the limit
                : new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new("application/json");
            var response = await host.Manager().PostAsync($"/api/clients/{ClientA}/intake", content);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"chunked {chunked}: expected 413, got {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("256 KB", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        await host.SeedPersonasAsync();
        var response = await host.Manager().PutAsync($"/api/clients/{ClientA}/contact-preferences",
            new StringContent("""{"preferences":[],"padding":" """ + new string(' ', 250 * 1024) + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Text_with_a_nul_character_is_a_problem_naming_the_field()
    {
        var response = await host.Manager().PutAsync("/api/clients/consent",
            new StringContent("""{"text":"I consent\u0000 to treatment"}""", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode} {text}");
        Assert.True(JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey("text"), text);
    }

    [Theory]
    [InlineData("/api/clients/duplicates?email=%00", "email")] // a 500 on PostgreSQL, found by the fuzzer (seed 20261216)
    [InlineData("/api/clients?q=ann%00", "q")]
    public async Task A_query_value_with_a_nul_character_is_a_problem_naming_it(string url, string field)
    {
        var response = await host.Manager().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.FieldErrorsAsync();
        Assert.Equal("Text may not contain the NUL character (\\u0000).", Assert.Single(errors[field]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task A_path_value_with_an_encoded_nul_is_answered_not_thrown()
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await host.Manager().PutAsync("/api/clients/screening-rules/%2500",
                new StringContent("""{"kind":"fuzz","reason":"x"}""", Encoding.UTF8, "application/json"));
        }
        catch (Exception e)
        {
            Assert.Fail(e.Message + "\n" + string.Join("\n", host.Factory.Logs.Entries.TakeLast(8).Select(l => $"{l.Category} {l.Level} {l.Message}")));
        }

        Assert.Equal(HttpStatusCode.BadRequest, response!.StatusCode);
    }

    [Fact]
    public async Task The_portal_intake_with_an_empty_question_key_answers_on_the_page()
    {
        await host.SeedPersonasAsync();
        var browser = Browser.For(host.Factory, PracticeRole.Client, "user-client-a", clientId: People.ClientA);
        var form = (await browser.OpenAsync("/Portal/Intake?step=3")).Form(); // the health questions

        var response = await browser.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Screening[0].QuestionKey"] = "" }, "/Portal/Intake");
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the page again, got {(int)response.StatusCode}");
        Assert.Contains("Each answer must name its screening question.", html, StringComparison.Ordinal);
    }

    private static string Answer(string? key, string bodyAreas = "[]") =>
        $$"""{"questionKey":{{(key is null ? "null" : "\"" + key + "\"")}},"answer":true,"bodyAreas":{{bodyAreas}}}""";

    private static readonly string[] QuestionKeys =
    [
        "open-wound", "cancer-treatment", "clotting", "recent-surgery", "heart-condition", "pregnancy", "skin-infection",
        "recent-fracture", "varicose-veins", "acute-inflammation", "anticoagulants", "osteoporosis", "diabetes-sensation",
        "low-pain-threshold", "fever", "acute-illness", "intoxication",
    ];

    /// <summary>Every screening question answered "no", the first (open-wound, which asks for body areas) as <paramref name="first"/> when given.</summary>
    private static string AllAnswered(string? first = null) =>
        "[" + string.Join(",", QuestionKeys.Select((key, i) => i == 0 && first is not null ? first : $$"""{"questionKey":"{{key}}","answer":false,"bodyAreas":[]}""")) + "]";

    /// <summary>An intake that is valid but for what the arguments change.</summary>
    private static string Intake(string conditions = "[]", string? screening = null, string surgeries = "[]") =>
        $$"""{"reasonForVisit":"Back pain","conditions":{{conditions}},"screening":{{screening ?? AllAnswered()}},"surgeriesAndInjuries":{{surgeries}},"previousMassage":true}""";
}
