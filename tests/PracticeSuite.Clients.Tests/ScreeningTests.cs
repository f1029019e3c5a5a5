using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>Intake answers → flags through the rules; consent versions; clearance; eligibility; the clinic's day.</summary>
[Trait("Category", "Persistence")]
public sealed class ScreeningTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    private static readonly DateTime Morning = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> _names = new();

    private async Task<Guid> SignedUpClientAsync(params (string Key, string[] Areas)[] yes)
    {
        var manager = host.Manager();
        var details = Api.NewClient();
        var id = await manager.RegisterAsync(details);
        _names[id] = Api.FullName(details);
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(yes))).EnsureSuccessAsync();
        var consent = await manager.GetJsonAsync("/api/clients/consent");
        var sign = await host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/consent", new { version = consent["version"]!.GetValue<int>(), typedName = _names[id], agreed = true });
        await sign.EnsureSuccessAsync();
        return id;
    }

    private Task<JsonNode> EligibilityAsync(Guid id) => host.Manager().GetJsonAsync($"/api/clients/{id}/eligibility");

    private static IEnumerable<string> Codes(JsonNode eligibility) => eligibility["blockers"]!.AsArray().Select(b => b!["code"]!.GetValue<string>());

    [Fact]
    public async Task Without_intake_and_consent_a_client_is_not_eligible_and_with_them_is()
    {
        host.Factory.Clock.AdjustTime(Morning);
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());
        var before = await EligibilityAsync(id);
        Assert.False(before["mayStartPlan"]!.GetValue<bool>());
        Assert.Contains("intake.missing", Codes(before));
        Assert.Contains("consent.missing", Codes(before));

        id = await SignedUpClientAsync();
        var after = await EligibilityAsync(id);
        Assert.True(after["mayStartPlan"]!.GetValue<bool>());
        Assert.True(after["mayTreatNow"]!.GetValue<bool>());
        Assert.Empty(after["flags"]!.AsArray());
    }

    [Fact]
    public async Task Answers_raise_flags_of_each_kind_with_body_areas()
    {
        host.Factory.Clock.AdjustTime(Morning);
        var id = await SignedUpClientAsync(("pregnancy", []), ("open-wound", ["knee-left"]), ("anticoagulants", []));
        var eligibility = await EligibilityAsync(id);
        var flags = eligibility["flags"]!.AsArray();
        Assert.Equal(3, flags.Count);
        Assert.Contains(flags, f => f!["kind"]!.GetValue<string>() == "RequiresPhysicianClearance" && f["blocking"]!.GetValue<bool>());
        var local = flags.Single(f => f!["kind"]!.GetValue<string>() == "Local")!;
        Assert.Equal(["knee-left"], local["bodyAreaCodes"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Contains(eligibility["cautions"]!.AsArray(), f => f!["kind"]!.GetValue<string>() == "ModifyPressure");
        Assert.False(eligibility["mayStartPlan"]!.GetValue<bool>());
        Assert.Contains("flag.clearance-required", Codes(eligibility));

        var screeningEvents = (await host.OutboxAsync()).Where(m => m.Type == "clients.screening-changed.v1" && m.Payload.Contains(id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(screeningEvents);
    }

    [Fact]
    public async Task A_clearance_lets_a_plan_start_until_it_expires_and_inadvisable_keeps_blocking()
    {
        host.Factory.Clock.AdjustTime(Morning);
        var manager = host.Manager();
        var id = await SignedUpClientAsync(("heart-condition", []));
        var flagId = (await EligibilityAsync(id))["flags"]!.AsArray().Single()!["id"]!.GetValue<Guid>();

        var missingPhysician = await manager.PostAsJsonAsync($"/api/clients/{id}/flags/{flagId}/clearance", new { clearedOn = "2026-11-19", outcome = "NoRestriction" });
        Assert.True((await missingPhysician.FieldErrorsAsync()).ContainsKey("Physician"));

        await (await manager.PostAsJsonAsync($"/api/clients/{id}/flags/{flagId}/clearance",
            new { physician = "Dr Grey", clearedOn = "2026-11-19", outcome = "NoRestriction", expiresOn = "2026-11-30" })).EnsureSuccessAsync();
        Assert.True((await EligibilityAsync(id))["mayStartPlan"]!.GetValue<bool>());

        host.Factory.Clock.AdjustTime(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        Assert.Contains("flag.clearance-expired", Codes(await EligibilityAsync(id)));

        host.Factory.Clock.AdjustTime(Morning);
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/flags/{flagId}/clearance",
            new { physician = "Dr Grey", clearedOn = "2026-11-20", outcome = "Inadvisable" })).EnsureSuccessAsync();
        Assert.Contains("flag.clearance-inadvisable", Codes(await EligibilityAsync(id)));
        Assert.Contains(host.Factory.Audit.Entries, e => e.Action.Code == "clients.flag.clearance-recorded" && e.ClientId == id);
    }

    [Fact]
    public async Task An_absolute_flag_stops_todays_session_and_lapses_at_the_end_of_the_clinics_day()
    {
        host.Factory.Clock.AdjustTime(new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc));
        var id = await SignedUpClientAsync(("fever", []));
        var today = await EligibilityAsync(id);
        Assert.True(today["mayStartPlan"]!.GetValue<bool>());
        Assert.False(today["mayTreatNow"]!.GetValue<bool>());
        Assert.Contains("flag.absolute-today", Codes(today));
        Assert.Equal("2026-11-20", today["flags"]!.AsArray().Single()!["day"]!.GetValue<string>());

        host.Factory.Clock.AdjustTime(new DateTime(2026, 11, 20, 23, 59, 0, DateTimeKind.Utc));
        Assert.False((await EligibilityAsync(id))["mayTreatNow"]!.GetValue<bool>());

        host.Factory.Clock.AdjustTime(new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc));
        var tomorrow = await EligibilityAsync(id);
        Assert.True(tomorrow["mayTreatNow"]!.GetValue<bool>());
        Assert.Empty(tomorrow["flags"]!.AsArray());
        host.Factory.Clock.AdjustTime(Morning);
    }

    [Fact]
    public async Task A_new_consent_version_must_be_signed_again()
    {
        host.Factory.Clock.AdjustTime(Morning);
        var manager = host.Manager();
        var id = await SignedUpClientAsync();
        var client = host.ClientUser(id);

        var unsigned = await client.PostAsJsonAsync($"/api/clients/{id}/consent", new { version = 1, typedName = " " });
        Assert.True((await unsigned.FieldErrorsAsync()).ContainsKey("TypedName"));

        var published = await manager.SendJsonAsync(HttpMethod.Put, "/api/clients/consent", new { text = "New consent text " + Guid.NewGuid() });
        await published.EnsureSuccessAsync();
        var version = JsonNode.Parse(await published.Content.ReadAsStringAsync())!["version"]!.GetValue<int>();
        Assert.Contains("consent.outdated", Codes(await EligibilityAsync(id)));

        var stale = await client.PostAsJsonAsync($"/api/clients/{id}/consent", new { version = version - 1, typedName = _names[id], agreed = true });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        await (await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/clients/{id}/consent")
        {
            Content = JsonContent.Create(new { version, typedName = _names[id], agreed = true }),
            Headers = { { Testing.TestAuthentication.RemoteIpHeader, "203.0.113.7" } },
        })).EnsureSuccessAsync();
        Assert.True((await EligibilityAsync(id))["mayStartPlan"]!.GetValue<bool>());

        var export = await manager.GetJsonAsync($"/api/clients/{id}/export");
        var signatures = export["sections"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Client record")!["data"]!["consentSignatures"]!.AsArray();
        var latest = signatures.Last()!;
        Assert.Equal(version, latest["consentVersion"]!.GetValue<int>());
        Assert.Equal("203.0.113.7", latest["ipAddress"]!.GetValue<string>());
        Assert.Equal(_names[id], latest["typedName"]!.GetValue<string>());
        var staffView = await Browser.For(host.Factory, PracticeRole.Manager, "user-manager").OpenAsync($"/Clients/{id}");
        var consentStatus = staffView.QuerySelector("#consent-status")!.TextContent;
        Assert.StartsWith($"Version {version} signed by “{_names[id]}” on ", consentStatus.Trim(), StringComparison.Ordinal);
        Assert.EndsWith(" from 203.0.113.7", consentStatus.Trim(), StringComparison.Ordinal);

        var staffSigning = await manager.PostAsJsonAsync($"/api/clients/{id}/consent", new { version, typedName = _names[id], agreed = true });
        Assert.Equal(HttpStatusCode.Forbidden, staffSigning.StatusCode);
    }

    [Fact]
    public async Task Intake_updates_keep_earlier_versions_and_resolve_flags_no_longer_answered()
    {
        host.Factory.Clock.AdjustTime(Morning);
        var manager = host.Manager();
        var id = await SignedUpClientAsync(("osteoporosis", []));
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake())).EnsureSuccessAsync();

        var intake = await manager.GetJsonAsync($"/api/clients/{id}/intake");
        Assert.Equal(2, intake["version"]!.GetValue<int>());
        Assert.Equal(2, intake["versions"]!.AsArray().Count);
        var first = await manager.GetJsonAsync($"/api/clients/{id}/intake?version=1");
        Assert.Contains(first["answers"]!["screening"]!.AsArray(), a => a!["questionKey"]!.GetValue<string>() == "osteoporosis" && a["yes"]!.GetValue<bool>());
        Assert.Empty((await EligibilityAsync(id))["flags"]!.AsArray());
        Assert.Contains(host.Factory.Audit.Entries, e => e.Action.Code == "clients.intake.read" && e.ClientId == id);
    }

    [Fact]
    public async Task Unanswered_questions_and_missing_areas_are_field_errors_and_nothing_is_saved()
    {
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());
        var intake = Api.Intake(("open-wound", []));
        intake["reasonForVisit"] = "";
        var screening = (Dictionary<string, object?>[])intake["screening"]!;
        screening[0]["answer"] = null;

        var response = await manager.PostAsJsonAsync($"/api/clients/{id}/intake", intake);
        var errors = await response.FieldErrorsAsync();
        Assert.True(errors.ContainsKey("ReasonForVisit"));
        Assert.True(errors.ContainsKey("Screening[0].Answer"));
        Assert.True(errors.ContainsKey("Screening[5].BodyAreas"));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.GetAsync($"/api/clients/{id}/intake")).StatusCode);
    }

    [Fact]
    public async Task A_manager_edits_a_rule_and_later_intakes_follow_it()
    {
        host.Factory.Clock.AdjustTime(Morning);
        var manager = host.Manager();
        var rules = await manager.GetJsonAsync("/api/clients/screening-rules");
        Assert.Equal(Api.QuestionKeys.Length, rules.AsArray().Count);

        await (await manager.SendJsonAsync(HttpMethod.Put, "/api/clients/screening-rules/varicose-veins", new { kind = "ModifyPressure", reason = "Varicose veins: light pressure", enabled = true })).EnsureSuccessAsync();
        var id = await SignedUpClientAsync(("varicose-veins", ["lower-leg-left"]));
        var flag = (await EligibilityAsync(id))["flags"]!.AsArray().Single()!;
        Assert.Equal("ModifyPressure", flag["kind"]!.GetValue<string>());
        Assert.Equal("Varicose veins: light pressure", flag["reason"]!.GetValue<string>());

        var invalid = await manager.SendJsonAsync(HttpMethod.Put, "/api/clients/screening-rules/fever", new { kind = "Local", reason = "x", enabled = true });
        Assert.True((await invalid.FieldErrorsAsync()).ContainsKey("Kind"));
        await (await manager.SendJsonAsync(HttpMethod.Put, "/api/clients/screening-rules/varicose-veins", new { kind = "Local", reason = "Varicose veins", enabled = true })).EnsureSuccessAsync();
    }
}

/// <summary>The same host with the clinic in New York, five hours behind UTC in November.</summary>
public sealed class NewYorkClinicHost : ClientsHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Clinic:TimeZone"] = "America/New_York",
    };
}

[Trait("Category", "Persistence")]
public sealed class ClinicTimeZoneTests(NewYorkClinicHost host) : IClassFixture<NewYorkClinicHost>
{
    [Fact]
    public async Task An_absolute_flag_lapses_at_midnight_where_the_clinic_is_not_at_midnight_UTC()
    {
        var manager = host.Manager();
        host.Factory.Clock.AdjustTime(new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc)); // 10:00 in New York
        var id = await manager.RegisterAsync(Api.NewClient());
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("intoxication", [])))).EnsureSuccessAsync();

        host.Factory.Clock.AdjustTime(new DateTime(2026, 11, 21, 4, 59, 0, DateTimeKind.Utc)); // 23:59 on the 20th in New York
        var lateEvening = await manager.GetJsonAsync($"/api/clients/{id}/eligibility");
        Assert.Contains(lateEvening["blockers"]!.AsArray(), b => b!["code"]!.GetValue<string>() == "flag.absolute-today");
        Assert.Equal("2026-11-20", lateEvening["flags"]!.AsArray().Single()!["day"]!.GetValue<string>());

        host.Factory.Clock.AdjustTime(new DateTime(2026, 11, 21, 5, 0, 0, DateTimeKind.Utc)); // midnight in New York
        var nextDay = await manager.GetJsonAsync($"/api/clients/{id}/eligibility");
        Assert.DoesNotContain(nextDay["blockers"]!.AsArray(), b => b!["code"]!.GetValue<string>() == "flag.absolute-today");
    }

    [Fact]
    public async Task Staff_and_the_client_read_times_in_the_clinics_time_zone_with_the_exact_instant_kept()
    {
        var manager = host.Manager();
        host.Factory.Clock.AdjustTime(new DateTime(2026, 11, 20, 15, 30, 0, DateTimeKind.Utc)); // 10:30 in New York
        var details = Api.NewClient();
        var id = await manager.RegisterAsync(details);
        await (await manager.PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake())).EnsureSuccessAsync();
        var consent = await manager.GetJsonAsync("/api/clients/consent");
        await (await host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/consent", new { version = consent["version"]!.GetValue<int>(), typedName = Api.FullName(details), agreed = true })).EnsureSuccessAsync();

        var record = await Browser.For(host.Factory, PracticeRole.Manager, "user-manager").OpenAsync($"/Clients/{id}");
        var signedAt = record.QuerySelector("time[datetime='2026-11-20T15:30:00Z']");
        Assert.NotNull(signedAt);
        Assert.Equal("20 Nov 2026, 10:30", signedAt.TextContent);
        Assert.Equal("20 Nov 2026, 15:30 UTC", signedAt.GetAttribute("title"));

        var intake = await Browser.For(host.Factory, PracticeRole.Manager, "user-manager").OpenAsync($"/Clients/{id}/Intake");
        Assert.Contains(intake.QuerySelectorAll("time"), t => t.TextContent == "20 Nov 2026, 10:30");

        var portal = await Browser.For(host.Factory, PracticeRole.Client, "user-" + id, clientId: id).OpenAsync("/Portal/Consent");
        // The client registered in London reads their own time, and both zones are named.
        Assert.Equal("20 Nov 2026, 15:30 London time (10:30 New York time)", portal.QuerySelector("#signed time")?.TextContent);
    }
}
