using System.Net.Http.Json;
using PracticeSuite.Clients.Tests;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// The likely-duplicate check is no oracle (issue 16, defect 2): for a match the caller may not open it says only that
/// one exists and whom to ask, in the API and on the registration page; the manager still sees the match; every
/// lookup is audited.
/// </summary>
public sealed class DuplicateCheckTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    // Client B (Bob Baker) is on therapist B's care team only.
    private const string BobsEmail = "bob.baker@example.com";
    private static readonly string[] BobsDetails = ["Bob", "Baker", BobsEmail, "1991-09-02", "2 Sep 1991", People.ClientB.ToString()];

    public static TheoryData<string> Lookups => new()
    {
        $"email={Uri.EscapeDataString(BobsEmail.ToUpperInvariant())}",
        "givenName=bob&familyName=BAKER&dateOfBirth=1991-09-02",
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task A_therapist_not_on_the_care_team_learns_only_that_the_client_exists_and_whom_to_ask(string query)
    {
        await host.SeedPersonasAsync();

        var response = await host.Therapist(People.TherapistA).GetAsync($"/api/clients/duplicates?{query}");
        var json = await response.Content.ReadAsStringAsync();

        await response.EnsureSuccessAsync();
        foreach (var detail in BobsDetails)
        {
            Assert.DoesNotContain(detail, json, StringComparison.OrdinalIgnoreCase);
        }

        var answer = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Empty(answer["matches"]!.AsArray());
        Assert.True(answer["othersExist"]!.GetValue<bool>());
        Assert.Contains("ask the clinic's manager or reception to add you to their care team", answer["notice"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_therapist_on_the_care_team_and_the_manager_see_the_match()
    {
        await host.SeedPersonasAsync();
        foreach (var caller in new[] { host.Therapist(People.TherapistB), host.Manager(), host.Reception() })
        {
            var answer = await caller.GetJsonAsync($"/api/clients/duplicates?email={Uri.EscapeDataString(BobsEmail)}");

            var match = Assert.Single(answer["matches"]!.AsArray())!;
            Assert.Equal(People.ClientB, match["id"]!.GetValue<Guid>());
            Assert.Equal("Bob Baker", match["displayName"]!.GetValue<string>());
            Assert.Equal(BobsEmail, match["email"]!.GetValue<string>());
            Assert.False(answer["othersExist"]!.GetValue<bool>());
            Assert.Null(answer["notice"]);
        }
    }

    [Fact]
    public async Task Each_lookup_is_audited_with_the_client_it_matched()
    {
        await host.SeedPersonasAsync();
        var before = host.Factory.Audit.Entries.Count(e => e.Action.Code == "clients.duplicates.checked");

        await host.Therapist(People.TherapistA).GetJsonAsync($"/api/clients/duplicates?email={Uri.EscapeDataString(BobsEmail)}");
        await host.Therapist(People.TherapistA).GetJsonAsync("/api/clients/duplicates?email=nobody.at.all%40example.com");

        var entries = host.Factory.Audit.Entries.Where(e => e.Action.Code == "clients.duplicates.checked").Skip(before).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(People.ClientB, entries[0].ClientId);
        Assert.Equal("1", entries[0].RecordId);
        Assert.Null(entries[1].ClientId);
        Assert.Equal("0", entries[1].RecordId);
        Assert.Equal(SharedKernel.Messaging.AuditKind.Read, entries[0].Action.Kind);
    }

    [Fact]
    public async Task Registering_a_hidden_match_is_refused_without_describing_it()
    {
        await host.SeedPersonasAsync();
        var response = await host.Therapist(People.TherapistA).PostAsJsonAsync("/api/clients", new
        {
            givenName = "Robert", familyName = "Baker", dateOfBirth = "1991-09-02", email = BobsEmail, timeZone = "Europe/London",
        });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("client.likely-duplicate", text, StringComparison.Ordinal);
        Assert.DoesNotContain(People.ClientB.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bob ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registration_page_shows_a_hidden_match_as_a_notice_only()
    {
        await host.SeedPersonasAsync();
        var browser = Browser.For(host.Factory, PracticeRole.Therapist, "user-" + People.TherapistA, therapistId: People.TherapistA);
        var form = (await browser.OpenAsync("/Clients/New")).Form();

        var page = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?>
        {
            ["Input.GivenName"] = "Robert",
            ["Input.FamilyName"] = "Jones",
            ["Input.DateOfBirth"] = "1970-01-01",
            ["Input.Email"] = BobsEmail,
            ["Input.TimeZone"] = "Europe/London",
        }, "/Clients/New");

        var banner = page.QuerySelector("#duplicates")!;
        Assert.NotNull(banner);
        Assert.Empty(banner.QuerySelectorAll("li"));
        Assert.Contains("ask the clinic's manager or reception", page.QuerySelector("#duplicates-not-shown")!.TextContent, StringComparison.Ordinal);
        foreach (var detail in BobsDetails.Where(d => d != BobsEmail)) // the e-mail is the one the therapist typed, in the form
        {
            Assert.DoesNotContain(detail, banner.OuterHtml, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(BobsEmail, banner.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }
}
