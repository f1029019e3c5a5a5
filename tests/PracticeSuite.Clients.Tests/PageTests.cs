using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>The pages, rendered by the real host and read as HTML.</summary>
[Trait("Category", "Persistence")]
public sealed class PageTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    private Browser Manager => Browser.For(host.Factory, PracticeRole.Manager, "user-manager");

    private Browser Therapist(Guid id) => Browser.For(host.Factory, PracticeRole.Therapist, "user-" + id, therapistId: id);

    private Browser Portal(Guid clientId) => Browser.For(host.Factory, PracticeRole.Client, "user-" + clientId, clientId: clientId);

    [Fact]
    public async Task The_home_page_offers_visitors_the_sign_in_and_staff_the_module()
    {
        // The Clients module's pages are all behind a role: a visitor sees none of its links, and no claim that
        // the installation has no modules.
        var visitor = await new Browser(host.Factory.CreateClient()).OpenAsync("/");
        Assert.NotNull(visitor.QuerySelector("main a[href='/Account/Login']"));
        Assert.Null(visitor.QuerySelector("a[href='/Clients']"));
        Assert.Empty(visitor.QuerySelectorAll("main .panel h2, main .cards"));

        var manager = await Manager.OpenAsync("/");
        Assert.NotNull(manager.QuerySelector("main .cards a.card[href='/Clients']"));
        // Staff get the counts and their tasks (ADR 0023), never the panels saying there is nothing to open.
        Assert.Equal(["Needs attention", "My tasks"], manager.QuerySelectorAll("main .panel h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task The_list_searches_and_shows_only_what_the_caller_may_see()
    {
        await host.SeedPersonasAsync();
        var manager = await Manager.OpenAsync("/Clients?q=baker");
        Assert.Contains(manager.QuerySelectorAll("#clients tbody tr"), row => row.GetAttribute("data-client-id") == People.ClientB.ToString());
        Assert.NotNull(manager.QuerySelector("a[href='/Clients/Settings/ScreeningRules']"));

        var therapistA = await Therapist(People.TherapistA).OpenAsync("/Clients");
        var ids = therapistA.QuerySelectorAll("#clients tbody tr").Select(r => r.GetAttribute("data-client-id")).ToList();
        Assert.Contains(People.ClientA.ToString(), ids);
        Assert.DoesNotContain(People.ClientB.ToString(), ids);
        Assert.Null(therapistA.QuerySelector("a[href='/Clients/Settings/ScreeningRules']"));

        var tooDeep = await Manager.OpenAsync("/Clients?p=99999999");
        Assert.Contains(tooDeep.FieldErrors(), e => e.Contains("narrow the search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registration_shows_field_errors_then_likely_duplicates_before_saving()
    {
        var browser = Manager;
        var family = "Pageform" + Guid.NewGuid().ToString("N")[..6];
        var form = (await browser.OpenAsync("/Clients/New")).Form();

        var invalid = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?>
        {
            ["Input.GivenName"] = "Pat", ["Input.FamilyName"] = family, ["Input.DateOfBirth"] = "2099-01-01", ["Input.Email"] = "nope", ["Input.Phone"] = "12",
        }, "/Clients/New");
        var errors = invalid.FieldErrors();
        Assert.Contains("The date of birth cannot be in the future.", errors);
        Assert.Contains(errors, e => e.StartsWith("Enter a valid e-mail address", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Enter a valid phone number", StringComparison.Ordinal));
        Assert.Equal("Pat", invalid.QuerySelector<IHtmlInputElement>("#Input_GivenName")!.Value); // what was typed stays
        // The summary at the top lists every message, each a link to its field.
        var summaryLinks = invalid.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#Input_DateOfBirth", "The date of birth cannot be in the future."), summaryLinks);
        Assert.All(summaryLinks, link => Assert.NotNull(invalid.QuerySelector(link.Item1!))); // each leads to a field on the page
        Assert.Equal(0, (await host.Manager().GetJsonAsync($"/api/clients?q={family}"))["total"]!.GetValue<int>());

        var valid = new Dictionary<string, string?> { ["Input.GivenName"] = "Pat", ["Input.FamilyName"] = family, ["Input.DateOfBirth"] = "1970-02-03", ["Input.Email"] = $"{family}@example.com" };
        var created = await Browser.RedirectTargetAsync(browser.SubmitAsync(form, valid, "/Clients/New"));
        Assert.StartsWith("/Clients/", created);

        var again = await browser.SubmitExpectingPageAsync((await browser.OpenAsync("/Clients/New")).Form(), valid, "/Clients/New");
        Assert.NotNull(again.QuerySelector("#duplicates li"));
        Assert.Equal(1, (await host.Manager().GetJsonAsync($"/api/clients?q={family}"))["total"]!.GetValue<int>());

        var confirmed = new Dictionary<string, string?>(valid) { ["Input.ConfirmedNotDuplicate"] = "true" };
        await Browser.RedirectTargetAsync(browser.SubmitAsync(again.Form(), confirmed, "/Clients/New"));
        Assert.Equal(2, (await host.Manager().GetJsonAsync($"/api/clients?q={family}"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_therapist_who_registers_a_walk_in_joins_the_care_team_and_lands_on_the_new_record()
    {
        var therapist = Therapist(People.TherapistA);
        var family = "Walkin" + Guid.NewGuid().ToString("N")[..6];
        var form = (await therapist.OpenAsync("/Clients/New")).Form();

        var created = await Browser.RedirectTargetAsync(therapist.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.GivenName"] = "Wendy", ["Input.FamilyName"] = family, ["Input.DateOfBirth"] = "1985-06-07", ["Input.Email"] = $"{family}@example.com",
        }, "/Clients/New"));

        var record = await therapist.OpenAsync(created);
        Assert.Equal("Client registered.", record.QuerySelector(".page-notice")?.TextContent.Trim());
        Assert.Contains($"Wendy {family}", record.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var id = Guid.Parse(created["/Clients/".Length..]);
        Assert.Equal([People.TherapistA], (await host.Manager().GetJsonAsync($"/api/clients/{id}/care-team"))["therapistIds"]!.AsArray().Select(t => t!.GetValue<Guid>()));
        Assert.Null((await therapist.OpenAsync(created)).QuerySelector(".page-notice")); // shown once
    }

    [Fact]
    public async Task A_manager_who_registers_a_client_is_not_put_on_its_care_team()
    {
        var manager = Manager;
        var form = (await manager.OpenAsync("/Clients/New")).Form();
        var family = "Desk" + Guid.NewGuid().ToString("N")[..6];
        var created = await Browser.RedirectTargetAsync(manager.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.GivenName"] = "Dora", ["Input.FamilyName"] = family, ["Input.DateOfBirth"] = "1975-01-02",
        }, "/Clients/New"));

        var id = Guid.Parse(created["/Clients/".Length..]);
        Assert.Empty((await host.Manager().GetJsonAsync($"/api/clients/{id}/care-team"))["therapistIds"]!.AsArray());
    }

    [Fact]
    public async Task A_detail_the_clinic_does_not_have_reads_not_given_and_flags_read_as_cards_on_a_phone()
    {
        var client = Api.NewClient(givenName: "Nora");
        client["phone"] = null;
        var id = await host.Manager().RegisterAsync(client);
        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("recent-surgery", [])))).EnsureSuccessAsync();

        var record = await Manager.OpenAsync($"/Clients/{id}");
        var facts = record.QuerySelectorAll("dl dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal("Not given", facts["Phone"]);
        Assert.Equal("Not given", facts["Address"]);
        Assert.Equal("17 May 1980", facts["Date of birth"]);
        // Scheduling runs in this host: the record links to the client's appointments (see SchedulingOffTests for the other case).
        Assert.Equal(["Record", "Intake", "Edit details", "History", "Appointments", "Assessments and plans", "Export"], record.QuerySelectorAll("nav[aria-label='Client'] a").Select(a => a.TextContent.Trim()));
        var flags = record.QuerySelector("table.cards-on-phone:has(th)")!;
        Assert.Equal(["Reason", "Areas / day", "Clearance", "Status"],
            flags.QuerySelectorAll("tbody tr:first-child td[data-label]").Select(td => td.GetAttribute("data-label")).Where(l => l!.Length > 0));
    }

    [Fact]
    public async Task Archiving_asks_for_confirmation_first_and_says_what_it_did()
    {
        var manager = Manager;
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        var record = await manager.OpenAsync($"/Clients/{id}");
        Assert.Empty(record.QuerySelectorAll("#manage form[action*='handler=Archive']")); // one click never archives
        var ask = record.QuerySelector<IHtmlAnchorElement>("#manage a[href*='confirm=archive']")!;

        var confirmation = await manager.OpenAsync(ask.GetAttribute("href")!);
        Assert.StartsWith("Archive ", confirmation.QuerySelector("#confirm-archive h3")!.TextContent, StringComparison.Ordinal);
        Assert.False((await host.Manager().GetJsonAsync($"/api/clients/{id}/summary"))["archived"]!.GetValue<bool>());
        var archived = await Browser.RedirectTargetAsync(manager.SubmitAsync(confirmation.Form("#confirm-archive form"), null, $"/Clients/{id}"));

        Assert.True((await host.Manager().GetJsonAsync($"/api/clients/{id}/summary"))["archived"]!.GetValue<bool>());
        var after = await manager.OpenAsync(archived);
        Assert.Equal("Client archived. Restore them here at any time.", after.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.NotNull(after.QuerySelector("#manage form[action*='handler=Restore']"));
    }

    [Fact]
    public async Task Erasing_without_ticking_the_confirmation_says_so_next_to_the_button_and_erases_nothing()
    {
        var manager = Manager;
        var id = await host.Manager().RegisterAsync(Api.NewClient(givenName: "Keep"));
        var record = await manager.OpenAsync($"/Clients/{id}");

        var refused = await manager.SubmitExpectingPageAsync(record.Form("#erase"), new Dictionary<string, string?>(), $"/Clients/{id}");

        Assert.Equal("Confirm that the client asked to be erased and that this cannot be undone.", refused.QuerySelector("#manage-errors li")!.TextContent.Trim());
        Assert.Equal("Keep", (await host.Manager().GetJsonAsync($"/api/clients/{id}"))["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task What_the_clinic_can_still_put_right_is_amber_with_its_action_and_only_do_not_treat_is_red()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        var fresh = (await Manager.OpenAsync($"/Clients/{id}")).QuerySelector(".flags-banner")!;
        Assert.Equal("flags-banner before", fresh.ClassName);
        Assert.Equal("Before the first visit", fresh.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal($"/Clients/{id}/Intake", fresh.QuerySelector("li[data-code='intake.missing'] a")!.GetAttribute("href"));
        Assert.Equal($"/Clients/{id}#manage", fresh.QuerySelector("li[data-code='consent.missing'] a")!.GetAttribute("href"));

        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("clotting", [])))).EnsureSuccessAsync();
        var flagId = (await host.Manager().GetJsonAsync($"/api/clients/{id}/eligibility"))["flags"]!.AsArray().Single()!["id"]!.GetValue<Guid>();
        var uncleared = (await Manager.OpenAsync($"/Clients/{id}")).QuerySelector(".flags-banner")!;
        Assert.Equal("flags-banner before", uncleared.ClassName);
        Assert.Equal($"/Clients/{id}/Flags/{flagId}/Clearance", uncleared.QuerySelector("li[data-code='flag.clearance-required'] a")!.GetAttribute("href"));

        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/flags/{flagId}/clearance", new { physician = "Dr No", clearedOn = "2026-11-01", outcome = "Inadvisable" })).EnsureSuccessAsync();
        var inadvisable = (await Manager.OpenAsync($"/Clients/{id}")).QuerySelector(".flags-banner")!;
        Assert.Equal("flags-banner ", inadvisable.ClassName);
        Assert.Equal("Do not treat", inadvisable.QuerySelector("h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_client_list_says_what_each_client_still_needs_before_treatment()
    {
        var family = "Status" + Guid.NewGuid().ToString("N")[..6];
        var details = Api.NewClient(familyName: family);
        var id = await host.Manager().RegisterAsync(details);
        string[] Chips(AngleSharp.Html.Dom.IHtmlDocument list) =>
            list.QuerySelectorAll($"#clients tr[data-client-id='{id}'] .status-chip").Select(c => c.TextContent.Trim()).ToArray();

        Assert.Equal(["No intake", "Consent to sign"], Chips(await Manager.OpenAsync($"/Clients?q={family}")));

        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("clotting", []), ("heart-condition", [])))).EnsureSuccessAsync();
        Assert.Equal(["Intake done", "Consent to sign", "2 clearances needed"], Chips(await Manager.OpenAsync($"/Clients?q={family}")));

        var consent = await host.Manager().GetJsonAsync("/api/clients/consent");
        await (await host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/consent", new { version = consent["version"]!.GetValue<int>(), typedName = Api.FullName(details), agreed = true })).EnsureSuccessAsync();
        var flagId = (await host.Manager().GetJsonAsync($"/api/clients/{id}/eligibility"))["flags"]!.AsArray().First()!["id"]!.GetValue<Guid>();
        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/flags/{flagId}/clearance", new { physician = "Dr Yes", clearedOn = "2026-11-01", outcome = "NoRestriction" })).EnsureSuccessAsync();
        Assert.Equal(["Intake done", "Consent signed", "Clearance needed"], Chips(await Manager.OpenAsync($"/Clients?q={family}")));
    }

    [Fact]
    public async Task A_name_nobody_has_is_offered_for_registration_already_filled_in()
    {
        await host.SeedPersonasAsync();
        var reception = Browser.For(host.Factory, PracticeRole.Reception, "user-reception");
        var family = "Nobody" + Guid.NewGuid().ToString("N")[..6];
        var list = await reception.OpenAsync($"/Clients?q={Uri.EscapeDataString("Mary Ann " + family)}");

        var offer = list.QuerySelector<IHtmlAnchorElement>("#register-offer a")!;
        Assert.Equal($"Register “Mary Ann {family}”", offer.TextContent.Trim());
        var form = await reception.OpenAsync(offer.GetAttribute("href")!);
        Assert.Equal("Mary Ann", form.QuerySelector<IHtmlInputElement>("#Input_GivenName")!.Value);
        Assert.Equal(family, form.QuerySelector<IHtmlInputElement>("#Input_FamilyName")!.Value);

        // One word (or an e-mail) is not a name to register: the plain way in is offered instead.
        var oneWord = await reception.OpenAsync($"/Clients?q={family}");
        Assert.Equal("/Clients/New", oneWord.QuerySelector<IHtmlAnchorElement>("#register-offer a")!.GetAttribute("href"));
        Assert.Null((await reception.OpenAsync("/Clients?q=Baker")).QuerySelector("#register-offer")); // someone matched
    }

    [Fact]
    public async Task Every_staff_view_of_a_client_shows_the_flags_banner()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("clotting", []), ("open-wound", ["neck"])))).EnsureSuccessAsync();
        var flagId = (await host.Manager().GetJsonAsync($"/api/clients/{id}/eligibility"))["flags"]!.AsArray()
            .Single(f => f!["kind"]!.GetValue<string>() == "RequiresPhysicianClearance")!["id"]!.GetValue<Guid>();

        foreach (var path in new[] { "", "/Intake", "/Edit", "/History", "/Export", $"/Flags/{flagId}/Clearance" })
        {
            var page = await Manager.OpenAsync($"/Clients/{id}{path}");
            var banner = page.QuerySelector(".flags-banner");
            Assert.NotNull(banner);
            Assert.Equal("false", banner!.GetAttribute("data-may-start-plan"));
            Assert.Contains(banner.QuerySelectorAll(".blockers li"), li => li.GetAttribute("data-code") == "flag.clearance-required");
            Assert.Contains(banner.QuerySelectorAll(".cautions li"), li => li.TextContent.Contains("Neck", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Staff_record_a_clearance_and_edit_the_care_team_on_the_record_page()
    {
        var browser = Manager;
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("recent-surgery", [])))).EnsureSuccessAsync();
        var record = await browser.OpenAsync($"/Clients/{id}");
        var link = record.QuerySelector<IHtmlAnchorElement>("#flags a[href*='/Clearance']")!.GetAttribute("href")!;

        var form = (await browser.OpenAsync(link)).Form();
        var missing = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["Input.ClearedOn"] = "2026-11-01" }, link);
        Assert.Contains("Enter the physician who gave the clearance.", missing.FieldErrors());
        Assert.Contains("Choose the physician's decision.", missing.FieldErrors());
        await Browser.RedirectTargetAsync(browser.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Input.Physician"] = "Dr Who", ["Input.ClearedOn"] = "2026-11-01", ["Input.Outcome"] = "NoRestriction",
        }, link));

        var careForm = (await browser.OpenAsync($"/Clients/{id}")).Form("#care-team form");
        var response = await browser.SubmitAsync(careForm, new Dictionary<string, string?> { ["Input.TherapistIds"] = People.TherapistB.ToString(), ["preferred"] = People.TherapistB.ToString() }, $"/Clients/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await browser.OpenAsync($"/Clients/{id}");
        Assert.Contains("Dr Who", after.QuerySelector("#flags")!.TextContent, StringComparison.Ordinal);
        // Cleared with no restriction: no "Treat with care", the flag reads Cleared and its link replaces the clearance.
        var banner = after.QuerySelector(".flags-banner")!;
        Assert.DoesNotContain("Treat with care", banner.TextContent, StringComparison.Ordinal); // (consent is still to sign)
        Assert.Null(banner.QuerySelector("ul.cautions"));
        Assert.Contains("cleared by Dr Who", banner.QuerySelector("ul.cleared li")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(link, banner.QuerySelector<IHtmlAnchorElement>("ul.cleared a")!.GetAttribute("href"));
        var flagRow = after.QuerySelector("#flags tbody tr")!;
        Assert.Equal("Cleared", flagRow.QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.Equal("Replace clearance", flagRow.QuerySelector("a[href*='/Clearance']")!.TextContent.Trim());
        Assert.True(after.QuerySelector<IHtmlInputElement>($"#care-team input[value='{People.TherapistB}'][type=checkbox]")!.IsChecked);
        Assert.Equal(200, (int)await Therapist(People.TherapistB).StatusAsync($"/Clients/{id}"));
    }

    [Fact]
    public async Task Pages_refuse_other_peoples_records()
    {
        await host.SeedPersonasAsync();
        Assert.Equal(HttpStatusCode.NotFound, await Therapist(People.TherapistB).StatusAsync($"/Clients/{People.ClientA}"));
        Assert.Equal(HttpStatusCode.NotFound, await Therapist(People.TherapistB).StatusAsync($"/Clients/{People.ClientA}/Intake"));
        Assert.Equal(HttpStatusCode.Forbidden, await Portal(People.ClientB).StatusAsync($"/Clients/{People.ClientA}"));
        Assert.Equal(HttpStatusCode.Forbidden, await Therapist(People.TherapistA).StatusAsync("/Clients/Settings/ScreeningRules"));
        Assert.Equal(HttpStatusCode.Forbidden, await Therapist(People.TherapistA).StatusAsync($"/Clients/{People.ClientA}/Export"));
        Assert.Equal(HttpStatusCode.Forbidden, await Therapist(People.TherapistA).StatusAsync("/Portal"));

        var portalB = await Portal(People.ClientB).OpenAsync("/Portal");
        Assert.Equal("Bob", portalB.QuerySelector<IHtmlInputElement>("#Input_GivenName")!.Value);
        Assert.DoesNotContain("Alice", portalB.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_portal_a_client_answers_the_intake_signs_consent_and_sets_preferences()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient("Paula", "Portal"));
        var portal = Portal(id);

        // The first screen: what is left to do, then only the details a client must give (the rest behind a summary).
        var home = await portal.OpenAsync("/Portal");
        Assert.Equal("Before your visit", home.QuerySelector("#checklist-title")!.TextContent.Trim());
        Assert.Equal(["To do", "To do", "Optional"], home.QuerySelectorAll(".checklist .status-chip").Select(c => c.TextContent.Trim()).ToArray());
        Assert.False(home.QuerySelector<IHtmlElement>("details.more-details")!.HasAttribute("open"));
        Assert.NotNull(home.QuerySelector("details.more-details #Input_TimeZone"));
        Assert.NotNull(home.QuerySelector("details.more-details #Input_PainThresholdNotes"));

        // The questionnaire in steps (IntakeStepTests has their rules); here, all five in turn.
        await IntakeStepTests.AnswerEveryStepAsync(portal, reason: "Sore shoulders", lowPainThreshold: true);
        var reopened = await portal.OpenAsync("/Portal/Intake?step=3");
        Assert.True(reopened.QuerySelector<IHtmlInputElement>("[data-question='low-pain-threshold'] input[value=true]")!.IsChecked);

        var consentPage = await portal.OpenAsync("/Portal/Consent");
        Assert.NotEmpty(consentPage.QuerySelector("#consent-text")!.TextContent);
        var unsigned = await portal.SubmitExpectingPageAsync(consentPage.Form(), new Dictionary<string, string?> { ["Input.TypedName"] = "" }, "/Portal/Consent");
        Assert.Contains("Type your full name to sign.", unsigned.FieldErrors());
        Assert.Contains("Tick “I agree” to sign.", unsigned.FieldErrors());
        var someoneElse = await portal.SubmitExpectingPageAsync(unsigned.Form(), new Dictionary<string, string?> { ["Input.TypedName"] = "Someone Else", ["Input.Agreed"] = "true" }, "/Portal/Consent");
        Assert.Contains("Type your own full name as the clinic has it: Paula Portal. If it is wrong, ask the clinic to correct it.", someoneElse.FieldErrors());
        var notAgreed = await portal.SubmitExpectingPageAsync(someoneElse.Form(), new Dictionary<string, string?> { ["Input.TypedName"] = "Paula Portal" }, "/Portal/Consent");
        Assert.Equal(["Tick “I agree” to sign."], notAgreed.FieldErrors());
        Assert.Null((await portal.OpenAsync("/Portal/Consent")).QuerySelector("#signed")); // nothing was signed by the refusals
        // Case, spacing and accents aside, the typed name is the client's own.
        await Browser.RedirectTargetAsync(portal.SubmitAsync(notAgreed.Form(), new Dictionary<string, string?> { ["Input.TypedName"] = "  paula   PORTÁL ", ["Input.Agreed"] = "true" }, "/Portal/Consent"));
        Assert.NotNull((await portal.OpenAsync("/Portal/Consent")).QuerySelector("#signed"));
        var ready = await portal.OpenAsync("/Portal");
        Assert.Equal("You are ready for your visit", ready.QuerySelector("#checklist-title")!.TextContent.Trim());
        Assert.Equal(["Done", "Signed", "Optional"], ready.QuerySelectorAll(".checklist .status-chip").Select(c => c.TextContent.Trim()).ToArray());

        var contact = await portal.OpenAsync("/Portal/Contact");
        // Only e-mail is offered: no module sends SMS yet, so the page offers no choice that would do nothing.
        Assert.Equal(4, contact.QuerySelectorAll("#preferences input[type=checkbox]").Length);
        Assert.DoesNotContain("SMS", contact.QuerySelector("#preferences")!.TextContent, StringComparison.Ordinal);
        var reviewEmail = contact.QuerySelector<IHtmlInputElement>("tr[data-kind=ReviewRequests] input[type=checkbox]")!;
        var saved = await Browser.RedirectTargetAsync(portal.SubmitAsync(contact.Form(), new Dictionary<string, string?> { [reviewEmail.Name!] = null }, "/Portal/Contact"));
        Assert.Equal("Your contact preferences are saved.", (await portal.OpenAsync(saved)).QuerySelector(".page-notice")!.TextContent.Trim());
        var preferences = await host.Manager().GetJsonAsync($"/api/clients/{id}/contact-preferences");
        Assert.False(preferences["preferences"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == "ReviewRequests" && p["channel"]!.GetValue<string>() == "Email")!["allowed"]!.GetValue<bool>());
        Assert.True(preferences["preferences"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == "AppointmentReminders" && p["channel"]!.GetValue<string>() == "Email")!["allowed"]!.GetValue<bool>());

        var eligibility = await host.Manager().GetJsonAsync($"/api/clients/{id}/eligibility");
        Assert.True(eligibility["mayStartPlan"]!.GetValue<bool>());

        var export = await portal.OpenAsync("/Portal/Export");
        Assert.NotNull(export.QuerySelector("section[data-section='Client record']"));
        Assert.Contains("Sore shoulders", export.Body!.TextContent, StringComparison.Ordinal);
        // In words a client reads: no internal ids, no keys, no fractions of a second.
        var text = export.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", text);
        Assert.DoesNotMatch(@"\d{2}:\d{2}:\d{2}\.\d", text);
        Assert.DoesNotContain("low-pain-threshold", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_chooses_a_pressure_preference_in_words_and_staff_see_it()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient("Petra", "Pressure"));
        var portal = Portal(id);

        var details = (await portal.OpenAsync("/Portal")).Form();
        var options = details.QuerySelectorAll("select[name='Input.PressurePreference'] option").Select(o => o.TextContent.Trim());
        Assert.Equal(["No preference", "Light", "Medium", "Firm"], options);

        await Browser.RedirectTargetAsync(portal.SubmitAsync(details, new Dictionary<string, string?> { ["Input.PressurePreference"] = "Firm" }, "/Portal"));
        var reloaded = await portal.OpenAsync("/Portal");
        Assert.Equal("Firm", reloaded.QuerySelector<IHtmlSelectElement>("select[name='Input.PressurePreference']")!.SelectedOptions.Single().TextContent.Trim());

        var record = await Manager.OpenAsync($"/Clients/{id}");
        Assert.Contains("Firm", record.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Pressure preference").NextElementSibling!.TextContent);
    }

    [Fact]
    public async Task A_manager_edits_rules_and_the_consent_text_on_their_pages()
    {
        var browser = Manager;
        var rules = await browser.OpenAsync("/Clients/Settings/ScreeningRules");
        Assert.Equal(Api.QuestionKeys.Length, rules.QuerySelectorAll("#rules tbody tr").Length);
        string Field(AngleSharp.Html.Dom.IHtmlDocument page, string question, string field) =>
            page.QuerySelector<IHtmlInputElement>($"tr[data-question={question}] input[name$='.{field}']")?.Name
            ?? page.QuerySelector<IHtmlSelectElement>($"tr[data-question={question}] select[name$='.{field}']")!.Name!;

        // One Save for the page: every changed rule, together.
        var saved = await Browser.RedirectTargetAsync(browser.SubmitAsync(rules.Form(), new Dictionary<string, string?>
        {
            [Field(rules, "osteoporosis", "Kind")] = "ModifyPressure",
            [Field(rules, "osteoporosis", "Reason")] = "Osteoporosis: gentle pressure only",
            [Field(rules, "fever", "Reason")] = "Fever: no treatment today",
        }, "/Clients/Settings/ScreeningRules"));
        var after = await browser.OpenAsync(saved);
        Assert.Equal("2 screening rules saved. They apply to intakes submitted from now on.", after.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.Equal("Osteoporosis: gentle pressure only", after.QuerySelector<IHtmlInputElement>("tr[data-question=osteoporosis] input[name$='.Reason']")!.Value);
        Assert.Equal("Fever: no treatment today", after.QuerySelector<IHtmlInputElement>("tr[data-question=fever] input[name$='.Reason']")!.Value);

        // All or none: one empty reason refuses the whole save, says so beside that rule and keeps what was typed.
        var refused = await browser.SubmitExpectingPageAsync(after.Form(), new Dictionary<string, string?>
        {
            [Field(after, "osteoporosis", "Reason")] = "",
            [Field(after, "fever", "Reason")] = "Fever: rest first",
        }, "/Clients/Settings/ScreeningRules");
        Assert.Contains("Say why the flag is raised.", refused.QuerySelector("tr[data-question=osteoporosis] .field-error")!.TextContent);
        Assert.Equal("Fever: rest first", refused.QuerySelector<IHtmlInputElement>("tr[data-question=fever] input[name$='.Reason']")!.Value);
        var unchanged = await browser.OpenAsync("/Clients/Settings/ScreeningRules");
        Assert.Equal("Fever: no treatment today", unchanged.QuerySelector<IHtmlInputElement>("tr[data-question=fever] input[name$='.Reason']")!.Value);

        var consent = await browser.OpenAsync("/Clients/Settings/Consent");
        var version = int.Parse(consent.QuerySelector("#current-version")!.TextContent);
        var blank = await browser.SubmitExpectingPageAsync(consent.Form(), new Dictionary<string, string?> { ["Input.Text"] = "" }, "/Clients/Settings/Consent");
        Assert.Contains("Enter the consent text.", blank.FieldErrors());
        await Browser.RedirectTargetAsync(browser.SubmitAsync(blank.Form(), new Dictionary<string, string?> { ["Input.Text"] = "Updated consent " + Guid.NewGuid() }, "/Clients/Settings/Consent"));
        Assert.Equal(version + 1, int.Parse((await browser.OpenAsync("/Clients/Settings/Consent")).QuerySelector("#current-version")!.TextContent));
    }

    [Fact]
    public async Task History_and_export_pages_render_the_timeline_and_every_section()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient("Hilda", "History"));
        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake(("open-wound", ["neck"])))).EnsureSuccessAsync();
        var intake = await Manager.OpenAsync($"/Clients/{id}/Intake");
        Assert.Equal("Yes — Neck", intake.QuerySelector("tr[data-question=open-wound] td:last-child")!.TextContent.Trim());
        Assert.Equal("No", intake.QuerySelector("tr[data-question=fever] td:last-child")!.TextContent.Trim());
        await Manager.OpenAsync($"/Clients/{id}");
        var history = await Manager.OpenAsync($"/Clients/{id}/History");
        var submitted = history.QuerySelectorAll("#history tbody tr").Single(row => row.GetAttribute("data-action") == "clients.intake.submitted");
        Assert.Equal("Submitted the intake", submitted.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.DoesNotContain(history.QuerySelectorAll("#history tbody td"), cell => cell.TextContent.Trim() == "Opened the record"); // views behind the toggle
        var withViews = await Manager.OpenAsync($"/Clients/{id}/History?views=true");
        Assert.Contains(withViews.QuerySelectorAll("#history tbody td"), cell => cell.TextContent.Trim() == "Opened the record");

        var export = await Manager.OpenAsync($"/Clients/{id}/Export");
        var section = export.QuerySelector("section[data-section='Client record']")!;
        Assert.Contains("Hilda", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Neck pain after long days at the desk", section.TextContent, StringComparison.Ordinal);
    }
}
