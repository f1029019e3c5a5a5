using System.Net;
using AngleSharp.Html.Parser;
using Autofac;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Audit;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

[Trait("Category", "Persistence")]
public sealed class AuditAndTherapistTests(AccountsFixture host) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task A_module_read_is_audited_with_who_and_which_record_and_the_manager_exports_it_as_csv()
    {
        var therapist = await host.SignedInClientAsync(host.Personas.TherapistA.Email);
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var clientId = host.Personas.ClientA.ClientId!.Value;
        var exportUrl = $"/Manage/Audit?handler=Csv&ClientId={clientId}&ActionName=casebook.notes";
        // Other tests in this class read the same client's notes too, so compare the export before and after this read.
        var before = await ExportRowsAsync(manager, exportUrl);

        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync($"/api/casebook/clients/{clientId}/notes")).StatusCode);

        var after = await ExportRowsAsync(manager, exportUrl);
        Assert.Equal(before.Count + 1, after.Count);
        var added = after.ToList();
        foreach (var row in before)
            Assert.True(added.Remove(row), "an exported row disappeared");
        var fields = Assert.Single(added).Split(',');
        Assert.Equal([host.Personas.TherapistA.UserId, "Therapist", "casebook.notes.read", "Notes", clientId.ToString(), clientId.ToString()], fields[1..7]);

        var otherAction = await manager.GetStringAsync($"/Manage/Audit?handler=Csv&ClientId={clientId}&ActionName=invoicing");
        Assert.Single(otherAction.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.Redirect, (await therapist.GetAsync("/Manage/Audit?handler=Csv")).StatusCode); // managers only
    }

    [Fact]
    public async Task The_audit_page_reads_in_words_names_and_the_clinics_time_and_an_erased_client_stays_unnamed()
    {
        var therapist = await host.SignedInClientAsync(host.Personas.TherapistA.Email);
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var clientId = host.Personas.ClientA.ClientId!.Value;
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync($"/api/casebook/clients/{clientId}/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync($"/api/casebook/clients/{CasebookErasedClient}/notes")).StatusCode);

        var page = await new HtmlParser().ParseDocumentAsync(await manager.GetStringAsync($"/Manage/Audit?UserId={host.Personas.TherapistA.UserId}"));
        var rows = page.QuerySelectorAll("#audit tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[1] == $"{host.Personas.TherapistA.DisplayName} (Therapist)" && r[2] == "Read the casebook notes" && r[3] == host.Personas.ClientA.DisplayName);
        Assert.Contains(rows, r => r[2] == "Read the casebook notes" && r[3] == $"Erased client · {CasebookErasedClient.ToString()[..8]}");
        Assert.DoesNotContain(rows, r => r[1].StartsWith(host.Personas.Manager.DisplayName, StringComparison.Ordinal)); // the person picker filters

        // The clinic's time (Europe/London in tests: UTC in winter, so the tooltip's UTC and the text agree to the minute).
        var time = page.QuerySelector("#audit tbody tr time")!;
        Assert.EndsWith(" UTC", time.GetAttribute("title"));
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$", time.TextContent);

        // Pickers: people by name (and the system), clients by name, actions in words.
        Assert.Contains(page.QuerySelectorAll("#UserId option"), o => o.TextContent == $"{host.Personas.TherapistA.DisplayName} (Therapist)" && o.GetAttribute("value") == host.Personas.TherapistA.UserId);
        Assert.Contains(page.QuerySelectorAll("#UserId option"), o => o.TextContent == "The system" && o.GetAttribute("value") == "system");
        Assert.Contains(page.QuerySelectorAll("#ClientId option"), o => o.TextContent == host.Personas.ClientA.DisplayName && o.GetAttribute("value") == clientId.ToString());
        Assert.Contains(page.QuerySelectorAll("#ActionName option"), o => o.TextContent == "Read the casebook notes" && o.GetAttribute("value") == "casebook.notes.read");
    }

    [Fact]
    public async Task An_end_date_before_the_start_is_a_message_on_the_page()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var response = await manager.GetAsync("/Manage/Audit?From=2026-12-02&To=2026-12-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The end date cannot be before the start date.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("From=2026-13-01", "From")]
    [InlineData("To=yesterday", "To")]
    public async Task A_date_that_does_not_exist_is_told_in_words_beside_its_field(string query, string field)
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var response = await manager.GetAsync($"/Manage/Audit?{query}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Enter a real date, such as 22/12/2026.", page.QuerySelector($"#{field}")?.ParentElement?.QuerySelector(".field-error")?.TextContent.Trim());
        Assert.DoesNotContain("is not valid for", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter a name.")]
    [InlineData("   ", "Enter a name.")]
    public async Task Inviting_staff_without_a_name_asks_for_one(string name, string message)
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var response = await AccountsFixture.PostFormAsync(manager, "/Manage/Staff", new()
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = "nameless@personas.test", ["Input.Role"] = "Therapist",
        });

        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.QuerySelector("#Input_DisplayName")?.ParentElement?.QuerySelector(".field-error")?.TextContent.Trim());
    }

    [Fact]
    public async Task Inviting_staff_with_a_name_too_long_says_how_long_it_may_be()
    {
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        var response = await AccountsFixture.PostFormAsync(manager, "/Manage/Staff", new()
        {
            ["Input.DisplayName"] = new string('N', 201), ["Input.Email"] = "long@personas.test", ["Input.Role"] = "Therapist",
        });

        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Shorten the name to 200 characters or fewer.", page.QuerySelector("#Input_DisplayName")?.ParentElement?.QuerySelector(".field-error")?.TextContent.Trim());
    }

    private static readonly Guid CasebookErasedClient = Guid.Parse("e7a5ed00-0000-4000-8000-00000000c11e");

    private static async Task<IReadOnlyList<string>> ExportRowsAsync(HttpClient manager, string exportUrl)
    {
        var response = await manager.GetAsync(exportUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditCsv.Header, lines[0].TrimStart('\uFEFF'));
        return lines[1..];
    }

    [Fact]
    public async Task A_clients_history_is_their_audit_timeline_newest_first_with_who_by_name()
    {
        var clientId = host.Personas.ClientA.ClientId!.Value;
        var therapist = await host.SignedInClientAsync(host.Personas.TherapistA.Email);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync($"/api/casebook/clients/{clientId}/notes")).StatusCode);
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/casebook/clients/{clientId}/notes")).StatusCode);

        var timeline = await host.InScopeAsync(scope => scope.Resolve<IAuditTimeline>().ForClientAsync(clientId, true, 100, CancellationToken.None));
        var reads = timeline.Where(e => e.ActionCode == "casebook.notes.read").ToList();
        Assert.True(reads.Count >= 2, $"expected both reads, got {reads.Count}");
        Assert.Equal($"{host.Personas.Manager.DisplayName} (Manager)", reads[0].Who);
        Assert.Equal("Read the casebook notes", reads[0].What); // the module's words for its action
        Assert.Contains(reads, e => e.Who == $"{host.Personas.TherapistA.DisplayName} (Therapist)");
        Assert.True(timeline.Zip(timeline.Skip(1)).All(pair => pair.First.OccurredAt >= pair.Second.OccurredAt), "newest first");

        var changesOnly = await host.InScopeAsync(scope => scope.Resolve<IAuditTimeline>().ForClientAsync(clientId, false, 100, CancellationToken.None));
        Assert.DoesNotContain(changesOnly, e => e.Kind == AuditKind.Read);
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed()
    {
        await host.InScopeAsync(scope => scope.Resolve<IAuditTrail>().RecordAsync(new AuditSubject(new AuditAction("test.read", AuditKind.Read, "Probed"), "Probe", "1", null), CancellationToken.None).ContinueWith(_ => 0));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.InScopeAsync(async scope =>
        {
            var db = scope.Resolve<AccountsDbContext>();
            db.AuditRecords.First(a => a.Action == "test.read").Action = "test.changed";
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task The_accounts_schema_matches_its_model()
    {
        var differences = await host.InScopeAsync(scope =>
        {
            var db = scope.Resolve<AccountsDbContext>();
            return SchemaDrift.FindDifferencesAsync(db, db.Naming, TestContext.Current.CancellationToken);
        });
        Assert.True(differences.Count == 0, string.Join("; ", differences));
    }
}
