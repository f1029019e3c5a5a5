using System.Net;
using AngleSharp.Dom;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>The manager's settings pages and the client's own appointments, read as HTML (the clock: Friday 20 Nov 2026, 10:00 London).</summary>
[Trait("Category", "Persistence")]
public sealed class SettingsAndPortalPageTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    private Browser Manager => Browser.For(host.Factory, PracticeRole.Manager, "user-manager");

    private Browser Portal(Guid clientId) => Browser.For(host.Factory, PracticeRole.Client, "user-" + clientId, clientId: clientId);

    [Fact]
    public async Task A_service_needs_a_name_and_a_length_in_steps_of_five_then_is_added_and_retired()
    {
        var browser = Manager;
        const string url = "/Calendar/Settings/Services";
        var form = (await browser.OpenAsync(url)).Form("form#service-form");

        var invalid = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["Input.Name"] = "", ["Input.DurationMinutes"] = "42" }, url);
        Assert.Contains("Enter the service's name.", invalid.FieldErrors());
        Assert.Contains("Give the length in steps of 5 minutes.", invalid.FieldErrors());

        var added = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync(form,
            new Dictionary<string, string?> { ["Input.Name"] = "Hot stone, 50 minutes", ["Input.DurationMinutes"] = "50", ["Input.TherapistIds"] = People.TherapistB.ToString() }, url)));
        Assert.Equal("Hot stone, 50 minutes added.", added.QuerySelector(".page-notice")!.TextContent.Trim());
        var row = added.QuerySelectorAll("#services tbody tr").Single(r => r.TextContent.Contains("Hot stone", StringComparison.Ordinal));
        Assert.Equal("Theo Therapist", row.QuerySelector("td[data-label='Offered by']")!.TextContent.Trim());

        var retired = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync(row.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form")!, null, url + "?handler=Retired")));
        Assert.Contains("Retired", retired.QuerySelectorAll("#services tbody tr").Single(r => r.TextContent.Contains("Hot stone", StringComparison.Ordinal)).TextContent);
        Assert.DoesNotContain((await host.ServicesAsync()), s => s!["name"]!.GetValue<string>() == "Hot stone, 50 minutes"); // no longer offered
    }

    [Fact]
    public async Task A_room_name_is_unique()
    {
        var browser = Manager;
        const string url = "/Calendar/Settings/Rooms";
        var form = (await browser.OpenAsync(url)).Form("form#add-room");
        var duplicate = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["name"] = "Room 1" }, url);
        Assert.Contains("There is already a room called Room 1.", duplicate.FieldErrors());
        Assert.Equal("#new-room", duplicate.QuerySelector(".error-summary a")!.GetAttribute("href"));

        var added = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync(form, new Dictionary<string, string?> { ["name"] = "Garden room" }, url)));
        Assert.Contains("Garden room", added.QuerySelectorAll(".room-list input[name=name]").Select(i => ((AngleSharp.Html.Dom.IHtmlInputElement)i).Value));
    }

    [Fact]
    public async Task Hours_are_typed_as_ranges_with_breaks_and_time_off_cannot_end_before_it_starts()
    {
        var browser = Manager;
        var url = $"/Calendar/Settings/Hours/{People.TherapistB}";
        var page = await browser.OpenAsync(url);
        Assert.Equal("09:00–13:00, 14:00–18:00", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Days_Monday_")!.Value);
        var hours = page.Form("form#hours");

        var unreadable = await browser.SubmitExpectingPageAsync(hours, new Dictionary<string, string?> { ["Days[Tuesday]"] = "nine to five" }, url + "?handler=Hours");
        Assert.Contains("Tuesday: write each range as 09:00–13:00, separated by commas.", unreadable.FieldErrors());

        var saved = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync(hours,
            new Dictionary<string, string?> { ["Days[Saturday]"] = "10:00-12:00, 12:30 - 14:00" }, url + "?handler=Hours")));
        Assert.Equal("10:00–12:00, 12:30–14:00", saved.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Days_Saturday_")!.Value);

        var off = saved.Form("form#add-time-off");
        var backwards = await browser.SubmitExpectingPageAsync(off, new Dictionary<string, string?> { ["Off.FirstDay"] = "2026-12-10", ["Off.LastDay"] = "2026-12-09" }, url + "?handler=TimeOff");
        Assert.Equal(["The last day off cannot be before the first."], backwards.FieldErrors());

        var withOff = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync(off,
            new Dictionary<string, string?> { ["Off.FirstDay"] = "2026-12-10", ["Off.LastDay"] = "2026-12-11", ["Off.Reason"] = "Course" }, url + "?handler=TimeOff")));
        Assert.Contains("Course", withOff.QuerySelector(".time-off-list li")!.TextContent);
        var day = await browser.OpenAsync("/Calendar?date=2026-12-10");
        Assert.NotNull(day.QuerySelector("table.calendar td.away"));
    }

    [Fact]
    public async Task A_closure_needs_a_name_and_then_shuts_the_calendar_that_day()
    {
        var browser = Manager;
        const string url = "/Calendar/Settings/Closures";
        var form = (await browser.OpenAsync(url)).Form("form#add-closure");
        var unnamed = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["Input.Date"] = "2026-12-25", ["Input.Name"] = "" }, url);
        Assert.Contains("Name the day, e.g. Christmas Day.", unnamed.FieldErrors());

        var listed = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync(form, new Dictionary<string, string?> { ["Input.Date"] = "2026-12-25", ["Input.Name"] = "Christmas Day" }, url)));
        Assert.Contains("Christmas Day", listed.QuerySelector(".closure-list li[data-date='2026-12-25']")!.TextContent);
        var day = await browser.OpenAsync("/Calendar?date=2026-12-25");
        Assert.Contains("Closed: Christmas Day", day.QuerySelector("table.calendar thead")!.TextContent);
        Assert.Empty(day.QuerySelectorAll("td.free a"));
    }

    [Fact]
    public async Task A_client_cancelling_inside_the_late_window_is_told_a_fee_may_apply_before_and_after()
    {
        var client = await host.NewClientAsync();
        var nmt = await host.Nmt60Async();
        var soon = await host.Reception().BookedAsync(Api.Booking(client, nmt, "2026-11-20", "16:00"));
        var later = await host.Reception().BookedAsync(Api.Booking(client, nmt, "2026-11-27", "16:00"));
        var browser = Portal(client);

        var list = await browser.OpenAsync("/Portal/Appointments");
        Assert.Equal([soon.ToString(), later.ToString()], list.QuerySelectorAll("#upcoming article").Select(a => a.GetAttribute("data-appointment-id")));
        Assert.Null(list.QuerySelector("#confirm-cancel")); // cancelling asks first

        var confirm = await browser.OpenAsync($"/Portal/Appointments?cancel={later}");
        Assert.Null(confirm.QuerySelector("#late-fee"));
        var asking = await browser.OpenAsync($"/Portal/Appointments?cancel={soon}");
        Assert.Equal("It is less than 24 hours away, so this is a late cancellation: a fee may apply.", asking.QuerySelector("#late-fee")!.TextContent.Trim());

        var done = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync(asking.Form("form#confirm-cancel"), null, "/Portal/Appointments?handler=Cancel")));
        Assert.Equal("Your appointment is cancelled. As it was less than 24 hours away, a late-cancellation fee may apply.", done.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.Contains("Cancelled, late", done.QuerySelector($"#past li[data-appointment-id='{soon}']")!.TextContent);

        // Someone else's appointment is not found, and cancelling it changes nothing.
        var other = await Portal(People.ClientB).SubmitAsync(asking.Form("form#confirm-cancel"), new Dictionary<string, string?> { ["appointmentId"] = later.ToString() }, "/Portal/Appointments?handler=Cancel");
        Assert.NotEqual(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal("Booked", (await host.Reception().GetJsonAsync($"/api/scheduling/appointments/{later}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_client_record_links_to_the_appointments_while_scheduling_runs()
    {
        var record = await Browser.For(host.Factory, PracticeRole.Reception, "user-reception").OpenAsync($"/Clients/{People.ClientA}");
        Assert.Equal($"/Clients/{People.ClientA}/Appointments", record.QuerySelector("nav[aria-label='Client'] a:last-child[href$='/Appointments']")?.GetAttribute("href"));
    }
}
