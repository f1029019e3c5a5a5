using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>
/// The portal's questionnaire one step at a time: each step checks its own questions and is saved as the client
/// leaves it, the steps go in order, a client who stops carries on where they stopped, and the last step sends it.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class IntakeStepTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    private Browser Portal(Guid clientId) => Browser.For(host.Factory, PracticeRole.Client, "user-" + clientId, clientId: clientId);

    /// <summary>Answers the five steps in turn, each saved and leading to the next; the last sends the answers and opens the checklist.</summary>
    internal static async Task AnswerEveryStepAsync(Browser portal, string reason, bool lowPainThreshold)
    {
        Dictionary<string, string?>[] steps =
        [
            new() { ["Input.ReasonForVisit"] = reason },
            new() { ["Input.Conditions"] = "neck-pain" },
            Screening(lowPainThreshold),
            new() { ["Input.Allergies"] = "Nut oils" },
            new() { ["Input.PreviousMassage"] = "false" },
        ];
        for (var step = 1; step <= steps.Length; step++)
        {
            var page = await portal.OpenAsync($"/Portal/Intake?step={step}");
            Assert.Equal($"{step}", page.QuerySelector<IHtmlInputElement>("input[name=step]")!.Value);
            var next = await Browser.RedirectTargetAsync(portal.SubmitAsync(page.Form(), steps[step - 1], "/Portal/Intake"));
            Assert.Equal(step < steps.Length ? $"/Portal/Intake?step={step + 1}" : "/Portal", next);
        }
    }

    private static Dictionary<string, string?> Screening(bool lowPainThreshold)
    {
        var answers = new Dictionary<string, string?>();
        for (var i = 0; i < Api.QuestionKeys.Length; i++)
        {
            answers[$"Input.Screening[{i}].Answer"] = lowPainThreshold && Api.QuestionKeys[i] == "low-pain-threshold" ? "true" : "false";
        }

        return answers;
    }

    [Fact]
    public async Task Each_step_checks_only_its_own_questions_and_says_so_when_saved()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        var portal = Portal(id);

        var first = await portal.OpenAsync("/Portal/Intake");
        Assert.Equal("Step 1 of 5: Why you are coming", first.QuerySelector("#step-title")!.TextContent.Trim());
        Assert.Empty(first.QuerySelectorAll(".question")); // the health questions wait for step 3
        var refused = await portal.SubmitExpectingPageAsync(first.Form(), new Dictionary<string, string?> { ["Input.ReasonForVisit"] = " " }, "/Portal/Intake");
        Assert.Equal(["Tell us why you are coming for treatment."], refused.FieldErrors());
        Assert.Equal("Step 1 of 5: Why you are coming", (await portal.OpenAsync("/Portal/Intake")).QuerySelector("#step-title")!.TextContent.Trim());

        var second = await Browser.RedirectTargetAsync(portal.SubmitAsync(refused.Form(), new Dictionary<string, string?> { ["Input.ReasonForVisit"] = "Tight calves" }, "/Portal/Intake"));
        var conditions = await portal.OpenAsync(second);
        Assert.Equal("Saved. Step 1 of 5 is done; you can stop here and carry on later.", conditions.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.Equal("Step 2 of 5: Conditions", conditions.QuerySelector("#step-title")!.TextContent.Trim());
        await Browser.RedirectTargetAsync(portal.SubmitAsync(conditions.Form(), new Dictionary<string, string?>(), "/Portal/Intake"));

        var questions = await portal.OpenAsync("/Portal/Intake?step=3");
        Assert.Equal(Api.QuestionKeys.Length, questions.QuerySelectorAll(".question").Length);
        var unanswered = await portal.SubmitExpectingPageAsync(questions.Form(), new Dictionary<string, string?>(), "/Portal/Intake");
        var errors = unanswered.FieldErrors();
        Assert.Contains("Answer yes or no.", errors);
        Assert.DoesNotContain("Tell us why you are coming for treatment.", errors);
        Assert.DoesNotContain("Say whether you have had massage therapy before.", errors);
    }

    [Fact]
    public async Task The_steps_go_in_order_and_a_client_who_comes_back_carries_on_where_they_stopped()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        var portal = Portal(id);

        var skipped = await portal.Http.GetAsync("/Portal/Intake?step=4");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Equal("/Portal/Intake?step=1", skipped.Headers.Location!.OriginalString);

        var first = await portal.OpenAsync("/Portal/Intake?step=1");
        await Browser.RedirectTargetAsync(portal.SubmitAsync(first.Form(), new Dictionary<string, string?> { ["Input.ReasonForVisit"] = "Headaches from the desk" }, "/Portal/Intake"));
        var second = await portal.OpenAsync("/Portal/Intake?step=2");
        await Browser.RedirectTargetAsync(portal.SubmitAsync(second.Form(), new Dictionary<string, string?> { ["Input.OtherConditions"] = "Mild scoliosis" }, "/Portal/Intake"));

        // The checklist says the questions are under way.
        var checklist = await portal.OpenAsync("/Portal");
        Assert.Equal("In progress", checklist.QuerySelector("#intake-item .status-chip")!.TextContent.Trim());
        Assert.Equal("Carry on with the health questions (2 of 5 steps saved)", checklist.QuerySelector("#intake-item a")!.TextContent.Trim());
        Assert.Equal("Before your visit", checklist.QuerySelector("#checklist-title")!.TextContent.Trim());

        // Back another day: the portal opens the next step, and says what was kept.
        var resumed = await portal.OpenAsync("/Portal/Intake");
        Assert.Equal("Step 3 of 5: Health questions", resumed.QuerySelector("#step-title")!.TextContent.Trim());
        Assert.StartsWith("Welcome back: your answers up to step 2 were saved on", resumed.QuerySelector("#resumed")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, resumed.QuerySelectorAll(".intake-steps .status-chip").Length);
        Assert.Equal("Headaches from the desk", (await portal.OpenAsync("/Portal/Intake?step=1")).QuerySelector<IHtmlTextAreaElement>("#Input_ReasonForVisit")!.Value);

        // A step beyond the next is refused, even posted directly.
        var forged = await portal.SubmitExpectingPageAsync(first.Form(),
            new Dictionary<string, string?> { ["step"] = "5", ["Input.PreviousMassage"] = "true", ["Input.ReasonForVisit"] = null }, "/Portal/Intake");
        Assert.Contains("Answer step 3 (Health questions) first.", forged.FieldErrors());

        // Changing an earlier step keeps the later ones done.
        var again = await portal.OpenAsync("/Portal/Intake?step=1");
        Assert.Equal("/Portal/Intake?step=2", await Browser.RedirectTargetAsync(portal.SubmitAsync(again.Form(), new Dictionary<string, string?> { ["Input.ReasonForVisit"] = "Headaches and a stiff neck" }, "/Portal/Intake")));
        Assert.Equal("Step 3 of 5: Health questions", (await portal.OpenAsync("/Portal/Intake")).QuerySelector("#step-title")!.TextContent.Trim());
        Assert.Equal("Mild scoliosis", (await portal.OpenAsync("/Portal/Intake?step=2")).QuerySelector<IHtmlTextAreaElement>("#Input_OtherConditions")!.Value);
    }

    [Fact]
    public async Task The_last_step_sends_every_step_s_answers_as_a_new_version_and_the_draft_goes()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        var portal = Portal(id);

        await AnswerEveryStepAsync(portal, reason: "Sciatica down the left leg", lowPainThreshold: true);

        var intake = await host.Manager().GetJsonAsync($"/api/clients/{id}/intake");
        Assert.Equal(1, intake["version"]!.GetValue<int>());
        var answers = intake["answers"]!;
        Assert.Equal("Sciatica down the left leg", answers["reasonForVisit"]!.GetValue<string>());
        Assert.Equal(["neck-pain"], answers["conditionKeys"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Nut oils", answers["allergies"]!.GetValue<string>());
        Assert.False(answers["previousMassage"]!.GetValue<bool>());
        Assert.Equal(["low-pain-threshold"], answers["screening"]!.AsArray().Where(a => a!["yes"]!.GetValue<bool>()).Select(a => a!["questionKey"]!.GetValue<string>()));

        var codes = host.Factory.Audit.Entries.Where(e => e.ClientId == id).Select(e => e.Action.Code).ToList();
        Assert.Equal(5, codes.Count(c => c == "clients.intake.step-saved"));
        Assert.Equal(1, codes.Count(c => c == "clients.intake.submitted"));

        var home = await portal.OpenAsync("/Portal");
        Assert.Equal("Thank you: your answers are sent to the clinic. Update them here whenever your health changes.", home.QuerySelector(".page-notice")!.TextContent.Trim());

        // Sent, the draft is gone: the questionnaire opens at the start, from the version just sent, every step open.
        var fresh = await portal.OpenAsync("/Portal/Intake");
        Assert.Equal("Step 1 of 5: Why you are coming", fresh.QuerySelector("#step-title")!.TextContent.Trim());
        Assert.Null(fresh.QuerySelector("#resumed"));
        Assert.Empty(fresh.QuerySelectorAll(".intake-steps .status-chip"));
        Assert.Equal(4, fresh.QuerySelectorAll(".intake-steps a").Length);
        Assert.Equal("Sciatica down the left leg", fresh.QuerySelector<IHtmlTextAreaElement>("#Input_ReasonForVisit")!.Value);
    }

    [Fact]
    public async Task When_staff_submit_the_intake_the_client_s_older_draft_goes()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        var portal = Portal(id);
        var first = await portal.OpenAsync("/Portal/Intake");
        await Browser.RedirectTargetAsync(portal.SubmitAsync(first.Form(), new Dictionary<string, string?> { ["Input.ReasonForVisit"] = "Draft reason" }, "/Portal/Intake"));

        await (await host.Manager().PostAsJsonAsync($"/api/clients/{id}/intake", Api.Intake())).EnsureSuccessAsync();

        var page = await portal.OpenAsync("/Portal/Intake");
        Assert.Null(page.QuerySelector("#resumed"));
        Assert.Equal("Neck pain after long days at the desk", page.QuerySelector<IHtmlTextAreaElement>("#Input_ReasonForVisit")!.Value);
    }

    [Fact]
    public async Task Unsent_answers_are_in_the_client_s_export_and_go_with_erasure()
    {
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());
        var portal = Portal(id);
        var first = await portal.OpenAsync("/Portal/Intake");
        await Browser.RedirectTargetAsync(portal.SubmitAsync(first.Form(), new Dictionary<string, string?> { ["Input.ReasonForVisit"] = "Stiff after the marathon" }, "/Portal/Intake"));

        var data = (await manager.GetJsonAsync($"/api/clients/{id}/export"))["sections"]!.AsArray().Single()!["data"]!;
        Assert.Equal("Stiff after the marathon", data["intakeInProgress"]!["reasonForVisit"]!.GetValue<string>());
        Assert.Equal(1, data["intakeInProgress"]!["stepsDone"]!.GetValue<int>());
        var readable = await portal.OpenAsync("/Portal/Export");
        Assert.Contains("Stiff after the marathon", readable.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Intake in progress", readable.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await (await manager.PostAsJsonAsync($"/api/clients/{id}/erase", new { confirmed = true })).EnsureSuccessAsync();

        var erased = (await manager.GetJsonAsync($"/api/clients/{id}/export"))["sections"]!.AsArray().Single()!["data"]!;
        Assert.Null(erased["intakeInProgress"]);
    }
}
