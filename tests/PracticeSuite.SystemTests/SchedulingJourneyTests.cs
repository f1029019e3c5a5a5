using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PracticeSuite.Platform.Accounts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PracticeSuite.SystemTests;

/// <summary>
/// The calendar as the front desk and clients use it, on the demo clinic (Casey has a visit with Tara two working days
/// ahead at 09:30 and one eight working days ahead at 14:00; Chris one with Theo two working days ahead at 15:00), each
/// journey at a phone's size and a desk's. The runs share one database, so each size uses its own days, times or people.
/// </summary>
public sealed class SchedulingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Reception = "reception@" + AccountsStartup.DemoDomain;
    private const string ClientB = "client.b@" + AccountsStartup.DemoDomain;
    private const string Nmt60 = "Neuromuscular therapy, 60 minutes (60 min)";
    private static readonly TimeZoneInfo Clinic = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTime NowInClinic => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Clinic);

    /// <summary>As the demo seeds count them: the <paramref name="after"/>th day from today, moved on past a weekend.</summary>
    private static DateOnly WorkingDay(int after)
    {
        var day = DateOnly.FromDateTime(NowInClinic).AddDays(after);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static bool Phone(int width) => width < 700;

    /// <summary>A working day of its own for each screen size: the desk's run takes the next working day after the phone's.</summary>
    private static DateOnly DayFor(int width, int after) => Phone(width) ? WorkingDay(after) : NextWorkingDay(WorkingDay(after));

    private static DateOnly NextWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        return day;
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Reception_books_from_a_free_slot_in_the_day_view(int width, int height)
    {
        var page = await browser.SignedInPageAsync(Reception, width, height);
        var day = DayFor(width, 10);
        await page.GotoAsync($"/Calendar?date={day:yyyy-MM-dd}");
        var tara = await page.Locator("table.calendar thead th[data-therapist-id]", new() { HasText = "Tara Therapist" }).GetAttributeAsync("data-therapist-id");
        var slot = $"/Calendar/Book?therapistId={tara}&date={day:yyyy-MM-dd}&time=09:00";
        await Screenshot(page, $"calendar-day-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the day view at {width}");

        await page.Locator($"{(Phone(width) ? ".calendar-list" : ".calendar-grid")} a[href='{slot}']").ClickAsync();
        await Expect(page.Locator("#q")).ToBeVisibleAsync();
        await page.FillAsync("#q", "O'Connor");
        await page.PressAsync("#q", "Enter");
        await page.Locator("#client-results a", new() { HasText = "Grace O'Connor" }).ClickAsync();
        await Expect(page.Locator("#chosen-client")).ToContainTextAsync("Grace O'Connor");
        await Expect(page.Locator("#Input_Time")).ToHaveValueAsync("09:00");
        await page.SelectOptionAsync("#Input_ServiceId", new SelectOptionValue { Label = Nmt60 });
        await Screenshot(page, $"calendar-book-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the booking form at {width}");
        await page.ClickAsync("form#booking button[type=submit]");

        await Expect(page).ToHaveURLAsync(new Regex("/Calendar/Appointments/"));
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync($"Booked: Neuromuscular therapy, 60 minutes with Tara Therapist, {day.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, 09:00.");
        await Screenshot(page, $"calendar-appointment-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the new appointment at {width}");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task A_series_with_one_taken_date_books_the_free_dates_only(int width, int height)
    {
        // Casey's demo visit at 14:00 eight working days ahead is the taken date: Casey is busy with Tara (phone run,
        // booking Casey with Theo), or Tara is (desk run, booking Chris with Tara).
        var (search, client, therapist) = Phone(width) ? ("Casey", "Casey Client", "Theo Therapist") : ("Chris", "Chris Client", "Tara Therapist");
        var taken = WorkingDay(8);
        var page = await browser.SignedInPageAsync(Reception, width, height);
        await page.GotoAsync("/Calendar/Series");
        await page.FillAsync("#q", search);
        await page.PressAsync("#q", "Enter");
        await page.Locator("#client-results a", new() { HasText = client }).ClickAsync();
        await page.SelectOptionAsync("#Input_ServiceId", new SelectOptionValue { Label = Nmt60 });
        await page.SelectOptionAsync("#Input_TherapistId", new SelectOptionValue { Label = therapist });
        await page.FillAsync("#Input_FirstDate", taken.AddDays(-7).ToString("yyyy-MM-dd"));
        await page.FillAsync("#Input_Time", "14:00");
        await page.FillAsync("#Input_Occurrences", "3");
        await page.ClickAsync("form#series button:has-text('Check dates')");

        await Expect(page.Locator("#series-dates tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#series-dates tbody tr.taken")).ToHaveAttributeAsync("data-date", taken.ToString("yyyy-MM-dd"));
        await Expect(page.Locator("#series-summary")).ToHaveTextAsync("2 of 3 dates are free; 1 is not.");
        await Screenshot(page, $"calendar-series-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the checked series at {width}");

        await page.ClickAsync("form#series button:has-text('free dates only')");
        await Expect(page).ToHaveURLAsync(new Regex("/Clients/[0-9a-f-]+/Appointments$"));
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync($"Booked 2 appointments; not booked: {taken.ToString("d MMM", CultureInfo.InvariantCulture)}.");
        await BrowserFixture.AssertAccessibleAsync(page, $"the client's appointments at {width}");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Reception_moves_an_appointment_to_another_time(int width, int height)
    {
        var page = await browser.SignedInPageAsync(Reception, width, height);
        var day = WorkingDay(2);
        await page.GotoAsync($"/Calendar?date={day:yyyy-MM-dd}");
        await page.Locator($"{(Phone(width) ? ".calendar-list" : ".calendar-grid")} a.appointment", new() { HasText = "Chris Client" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Chris Client");

        var time = Phone(width) ? "16:00" : "17:00";
        await page.FillAsync("#Move_Time", time);
        await page.ClickAsync("form#move button[type=submit]");
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync($"Moved to {day.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, {time} with Theo Therapist. The client has been told.");
        await Expect(page.Locator("#history li").Last).ToContainTextAsync("Reception moved it from");
        await Screenshot(page, $"calendar-moved-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the moved appointment at {width}");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task A_client_cancelling_inside_24_hours_from_the_portal_is_told_a_fee_may_apply(int width, int height)
    {
        // Two hours from now, on the quarter hour: inside the late window whatever the time of day.
        var start = NowInClinic.AddHours(2);
        start = start.Date.AddMinutes(Math.Ceiling(start.TimeOfDay.TotalMinutes / 15) * 15);
        var desk = await browser.SignedInPageAsync(Reception, 1366, 900);
        await BookAsync(desk, "Chris", "Chris Client", "Theo Therapist", DateOnly.FromDateTime(start), start.ToString("HH:mm"));
        await desk.Context.CloseAsync();

        var page = await browser.SignedInPageAsync(ClientB, width, height);
        if (Phone(width))
        {
            await page.ClickAsync(".menu-toggle"); // the phone's menu folds the links away
        }

        await page.ClickAsync("#main-nav a:has-text('Appointments')");

        await Expect(page).ToHaveURLAsync(new Regex("/Portal/Appointments$"));
        await page.Locator("#upcoming article").First.Locator("a:has-text('Cancel')").ClickAsync();
        await Expect(page.Locator("#late-fee")).ToHaveTextAsync("It is less than 24 hours away, so this is a late cancellation: a fee may apply.");
        await Screenshot(page, $"portal-cancel-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the portal's cancel question at {width}");

        await page.ClickAsync("#confirm-cancel button:has-text('Yes, cancel it')");
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync("Your appointment is cancelled. As it was less than 24 hours away, a late-cancellation fee may apply.");
        await BrowserFixture.AssertAccessibleAsync(page, $"the portal after cancelling at {width}");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Reception_records_a_no_show(int width, int height)
    {
        // A visit on the last working day, recorded after the fact, then marked as missed.
        var day = DateOnly.FromDateTime(NowInClinic).AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        var page = await browser.SignedInPageAsync(Reception, width, height);
        await BookAsync(page, "Rahman", "Mohammed Rahman", "Tara Therapist", day, Phone(width) ? "09:00" : "11:00");
        await page.ClickAsync("form[action*='handler=NoShow'] button");
        await Expect(page.Locator(".page-notice")).ToHaveTextAsync("No-show recorded.");
        await Expect(page.Locator("#status")).ToHaveTextAsync("No-show");
        await Screenshot(page, $"calendar-no-show-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the no-show at {width}");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Check_in_is_refused_with_the_reason_while_the_client_awaits_clearance(int width, int height)
    {
        var page = await browser.SignedInPageAsync(Reception, width, height);
        await page.GotoAsync($"/Calendar?date={WorkingDay(2):yyyy-MM-dd}");
        await page.Locator($"{(Phone(width) ? ".calendar-list" : ".calendar-grid")} a.appointment", new() { HasText = "Casey Client" }).ClickAsync();
        await page.ClickAsync("form[action*='handler=CheckIn'] button");

        await Expect(page.Locator(".error-summary")).ToContainTextAsync("The client may not be treated today:");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Booked");
        await Screenshot(page, $"calendar-check-in-refused-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the refused check-in at {width}");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task A_therapist_off_sick_has_the_day_moved_to_a_colleague(int width, int height)
    {
        var day = DayFor(width, 20); // after every date the series journey books: a day off sick is time off all day
        var page = await browser.SignedInPageAsync(Reception, width, height);
        await BookAsync(page, "Robinson", "Lily Robinson", "Tara Therapist", day, "10:00");

        await page.GotoAsync($"/Calendar/OffSick?date={day:yyyy-MM-dd}");
        await page.SelectOptionAsync("#Input_TherapistId", new SelectOptionValue { Label = "Tara Therapist" });
        await page.GetByLabel("Move them to Theo Therapist").CheckAsync();
        await Screenshot(page, $"calendar-off-sick-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the off-sick form at {width}");
        await page.ClickAsync("form#off-sick button[type=submit]");

        await Expect(page.Locator(".page-notice")).ToHaveTextAsync($"Tara Therapist is off on {day.ToString("d MMMM", CultureInfo.InvariantCulture)}: 1 appointment(s) moved to Theo Therapist; the clients have been told.");
        var theo = await page.Locator("table.calendar thead th[data-therapist-id]", new() { HasText = "Theo Therapist" }).GetAttributeAsync("data-therapist-id");
        await Expect(page.Locator($".calendar-list section[data-therapist-id='{theo}']")).ToContainTextAsync("Lily Robinson");
        await Screenshot(page, $"calendar-after-off-sick-{width}");
        await BrowserFixture.AssertAccessibleAsync(page, $"the day after off sick at {width}");
    }

    /// <summary>Books through the booking page as the front desk does: the client found by name, then the form (a reason given if it asks for one).</summary>
    private static async Task BookAsync(IPage page, string search, string client, string therapist, DateOnly date, string time)
    {
        await page.GotoAsync($"/Calendar/Book?date={date:yyyy-MM-dd}&time={time}");
        await page.FillAsync("#q", search);
        await page.PressAsync("#q", "Enter");
        await page.Locator("#client-results a", new() { HasText = client }).ClickAsync();
        await page.SelectOptionAsync("#Input_ServiceId", new SelectOptionValue { Label = Nmt60 });
        await page.SelectOptionAsync("#Input_TherapistId", new SelectOptionValue { Label = therapist });
        await SubmitAsync(page, "form#booking button[type=submit]");
        if (await page.Locator("#Input_OutsideHoursReason").CountAsync() > 0)
        {
            await page.FillAsync("#Input_OutsideHoursReason", "Agreed with the client");
            await SubmitAsync(page, "form#booking button[type=submit]");
        }

        if (await page.Locator(".error-summary").CountAsync() > 0)
        {
            Assert.Fail($"Booking {client} on {date:yyyy-MM-dd} at {time} was refused: {await page.Locator(".error-summary").InnerTextAsync()}");
        }

        await Expect(page).ToHaveURLAsync(new Regex("/Calendar/Appointments/"));
    }

    /// <summary>Clicks a submit button and waits until the page it posted to has replaced this one.</summary>
    private static async Task SubmitAsync(IPage page, string button)
    {
        await page.EvaluateAsync("() => { window.leftBehind = true; }");
        await page.ClickAsync(button);
        await page.WaitForFunctionAsync("() => window.leftBehind !== true && document.readyState !== 'loading'");
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });
}
