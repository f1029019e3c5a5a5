using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PracticeSuite.SystemTests;

/// <summary>
/// The course of care as a therapist works it, on the demo clinic: Casey (recent surgery: a physician's clearance is
/// needed) signs the consent in the portal; Tara assesses her, drafts a plan with a goal, is stopped by the clearance
/// gate, records the clearance from the gate's link, starts the plan and books its course. Each screen size runs in a
/// clinic of its own (a fixture per class), because the clearance can be recorded only once.
/// </summary>
public abstract class TreatmentPlanJourney(BrowserFixture browser, int width, int height)
{
    private const string Tara = "therapist.a@" + AccountsStartup.DemoDomain;
    private const string Casey = "client.a@" + AccountsStartup.DemoDomain;
    private static readonly TimeZoneInfo Clinic = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, $"plan-{name}-{width}.png");

    private static DateOnly WorkingDay(int after)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Clinic)).AddDays(after);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected async Task Assessment_plan_gate_clearance_activation_and_course()
    {
        // The client signs the consent to treatment: without it no plan may start whatever the flags say.
        var client = await browser.SignedInPageAsync(Casey, width, height);
        await client.GotoAsync("/Portal/Consent");
        await client.CheckAsync("input[name='Input.Agreed']");
        await client.FillAsync("input[name='Input.TypedName']", "Casey Client");
        await client.ClickAsync("main form button[type=submit]");
        await Expect(client.Locator("#signed")).ToBeVisibleAsync();

        // The therapist finds her client and starts an assessment from the client's clinical tab.
        var page = await browser.SignedInPageAsync(Tara, width, height);
        await page.GotoAsync("/Clients?q=casey");
        await page.ClickAsync("#clients a:has-text('Casey Client')");
        await page.ClickAsync("nav[aria-label='Client'] a:has-text('Assessments and plans')");
        await Expect(page.Locator("h1")).ToContainTextAsync("assessments and plans");
        await page.ClickAsync("main button:has-text('Start an assessment')");
        await Expect(page).ToHaveURLAsync(new Regex("/TreatmentPlans/Assessments/[0-9a-f-]{36}$"));

        // A complaint: headache at the temple and pain up the side of the neck, chosen from the list of zones.
        await page.ClickAsync("#complaint-zones summary:has-text('Head')");
        await page.CheckAsync("#complaint-zones-temple");
        await page.ClickAsync("#complaint-zones summary:has-text('Neck')");
        await page.CheckAsync("#complaint-zones-side-of-neck");
        await page.FillAsync("input[name='Complaint.PainNow']", "6");
        await page.FillAsync("input[name='Complaint.PainWorst']", "8");
        await page.FillAsync("input[name='Complaint.Since']", "three months");
        await page.ClickAsync("button:has-text('Add complaint')");
        await Expect(page.Locator("[data-finding='complaint']")).ToContainTextAsync("pain 6/10 now, 8/10 at worst");
        // The muscles to examine: upper trapezius covers both zones, so it comes first, with its reason.
        await Expect(page.Locator("#suggestions li").First).ToContainTextAsync("Upper trapezius refers to the temple and side of the neck");

        // A trigger point without its side is refused on the page, then recorded with it.
        await page.ClickAsync("#trigger-point summary");
        await page.SelectOptionAsync("select[name='Point.Muscle']", "upper-trapezius");
        await page.FillAsync("input[name='Point.Tenderness']", "7");
        await page.ClickAsync("button:has-text('Record trigger point')");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Say which side of the upper trapezius the point is on.");
        await page.SelectOptionAsync("select[name='Point.Side']", "Left");
        await page.ClickAsync("button:has-text('Record trigger point')");
        await Expect(page.Locator("[data-finding='trigger-point']")).ToContainTextAsync("Upper trapezius, left");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("assessment"), FullPage = true });
        await BrowserFixture.AssertAccessibleAsync(page, $"the assessment at {width}x{height}");

        // A plan from the assessment: what, how often; then its measurable goal.
        await page.ClickAsync("a:has-text('Draft a plan from this assessment')");
        await page.FillAsync("textarea[name='PlanForm.Conditions']", "Tension-type headache and neck pain");
        await page.CheckAsync("input[name='PlanForm.Techniques'][value='IschaemicCompression']");
        await page.FillAsync("input[name='PlanForm.Phases[0].IntervalWeeks']", "1");
        await page.FillAsync("input[name='PlanForm.Phases[0].Sessions']", "6");
        await page.FillAsync("input[name='PlanForm.Phases[1].IntervalWeeks']", "2");
        await page.FillAsync("input[name='PlanForm.Phases[1].Sessions']", "4");
        await page.ClickAsync("button:has-text('Draft plan')");
        await Expect(page).ToHaveURLAsync(new Regex("/TreatmentPlans/Plans/[0-9a-f-]{36}$"));
        var planPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("#summary")).ToContainTextAsync("Weekly for 6 sessions, then fortnightly for 4 sessions (10 sessions)");

        await page.FillAsync("input[name='Goal.Description']", "Neck pain");
        await page.FillAsync("input[name='Goal.Baseline']", "6");
        await page.FillAsync("input[name='Goal.Target']", "3");
        await page.FillAsync("input[name='Goal.TargetDate']", Iso(WorkingDay(60)));
        await page.ClickAsync("button:has-text('Add goal')");
        await Expect(page.Locator("[data-goal='Pain']")).ToContainTextAsync("Neck pain: from 6/10 to 3/10 or less");

        // The gate: recent surgery needs a physician's clearance; starting is refused and says why.
        await Expect(page.Locator("#gate [data-blocker='flag.clearance-required']")).ToContainTextAsync("clearance");
        await page.ClickAsync("#gate button:has-text('Start the plan')");
        await Expect(page.Locator("#gate [role='alert']")).ToContainTextAsync("The plan cannot start yet");
        await Expect(page.Locator("#summary .status-chip")).ToHaveTextAsync("Draft");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("gate"), FullPage = true });
        await BrowserFixture.AssertAccessibleAsync(page, $"the plan held at the gate at {width}x{height}");

        // The gate's link leads to recording the clearance; back on the plan, it starts.
        await page.ClickAsync("#gate a:has-text('Record the clearance')");
        await page.FillAsync("input[name='Input.Physician']", "Dr Nia Hart");
        await page.FillAsync("input[name='Input.ClearedOn']", Iso(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)));
        await page.SelectOptionAsync("select[name='Input.Outcome']", "NoRestriction");
        await page.ClickAsync("button:has-text('Record clearance')");
        await page.GotoAsync(planPath);
        await Expect(page.Locator("#gate .gate.open")).ToBeVisibleAsync();
        await page.ClickAsync("#gate button:has-text('Start the plan')");
        await Expect(page.Locator("#summary .status-chip")).ToHaveTextAsync("Active");
        await Expect(page.Locator("#course .course-count")).ToHaveTextAsync("0 of 10 used");

        // The course: three weekly sessions booked through the calendar, named as the plan's.
        var first = WorkingDay(3);
        await page.SelectOptionAsync("select[name='Course.ServiceId']", new SelectOptionValue { Label = "Neuromuscular therapy, 60 minutes (60 min)" });
        await page.FillAsync("input[name='Course.FirstDate']", Iso(first));
        await page.FillAsync("input[name='Course.Time']", "11:00");
        await page.FillAsync("input[name='Course.Occurrences']", "3");
        await page.FillAsync("input[name='Course.IntervalWeeks']", "1");
        await page.ClickAsync("button:has-text('Book sessions')");
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync("3 sessions booked.");
        await Expect(page.Locator("#course .record-list li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#course")).ToContainTextAsync("3 booked to come");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("active"), FullPage = true });
        await BrowserFixture.AssertAccessibleAsync(page, $"the active plan at {width}x{height}");
    }
}

public sealed class TreatmentPlanJourneyOnAPhoneTests(BrowserFixture browser) : TreatmentPlanJourney(browser, 390, 844), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task On_a_phone_a_plan_waits_for_the_clearance_then_its_course_is_booked() => Assessment_plan_gate_clearance_activation_and_course();
}

public sealed class TreatmentPlanJourneyAtADeskTests(BrowserFixture browser) : TreatmentPlanJourney(browser, 1366, 900), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task At_a_desk_a_plan_waits_for_the_clearance_then_its_course_is_booked() => Assessment_plan_gate_clearance_activation_and_course();
}
