using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>
/// The staff pages, rendered by the real host and read as HTML: each form's messages and its way through (the clock:
/// Friday 20 Nov 2026, 10:00 London; the personas' appointments on Monday 23 Nov, ClientA with Tara at 10:00).
/// </summary>
[Trait("Category", "Persistence")]
public sealed class PageTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    private Browser Reception => Browser.For(host.Factory, PracticeRole.Reception, "user-reception");

    private Browser Manager => Browser.For(host.Factory, PracticeRole.Manager, "user-manager");

    private Browser Therapist(Guid id) => Browser.For(host.Factory, PracticeRole.Therapist, "user-" + id, therapistId: id);

    private async Task<Guid> ClientAAppointmentAsync() => Guid.Parse((await host.SeedPersonasAsync())["appointmentId"]);

    [Fact]
    public async Task The_day_view_lays_the_therapists_side_by_side_with_free_slots_to_book_and_a_therapist_sees_their_own()
    {
        var appointment = await ClientAAppointmentAsync();
        var day = await Reception.OpenAsync("/Calendar?date=2026-11-23");

        Assert.Equal(["Tara Therapist", "Theo Therapist"], day.QuerySelectorAll("table.calendar thead th[data-therapist-id]").Select(th => th.TextContent.Trim()));
        var block = day.QuerySelector($"table.calendar a.appointment[href='/Calendar/Appointments/{appointment}']")!;
        Assert.Equal("10:00–11:00 Alice Able Neuromuscular therapy, 60 minutes, Room 1 Booked", Squash(block.TextContent));
        Assert.Equal("4", block.ParentElement!.GetAttribute("rowspan")); // an hour is four 15-minute rows
        Assert.NotNull(day.QuerySelector($"td.free a[href='/Calendar/Book?therapistId={People.TherapistA}&date=2026-11-23&time=09:00']"));
        Assert.Null(day.QuerySelector($"td.free a[href='/Calendar/Book?therapistId={People.TherapistA}&date=2026-11-23&time=13:00']")); // lunch
        Assert.Null(day.QuerySelector($"td.free a[href='/Calendar/Book?therapistId={People.TherapistA}&date=2026-11-23&time=10:15']")); // taken
        Assert.Null(day.QuerySelector($"td.free a[href='/Calendar/Book?therapistId={People.TherapistA}&date=2026-11-23&time=11:00']")); // kept free after it
        // The phone's list: the same day, therapist by therapist, free stretches as one line each.
        Assert.Equal(["09:00–10:00 free Book 09:00 with Tara Therapist", "10:00–11:00 Alice Able Neuromuscular therapy, 60 minutes Booked", "11:15–13:00 free Book 11:15 with Tara Therapist"],
            day.QuerySelectorAll($".calendar-list section[data-therapist-id='{People.TherapistA}'] li").Take(3).Select(li => Squash(li.TextContent)));
        Assert.Equal("/Calendar?date=2026-11-22", day.QuerySelector(".calendar-nav a[rel=prev]")!.GetAttribute("href"));
        Assert.Contains("Friday 20 November 2026", (await Reception.OpenAsync("/Calendar?date=9999-12-31")).QuerySelector("h1")!.TextContent); // no day past the calendar's end: today

        var own = await Therapist(People.TherapistB).OpenAsync("/Calendar?date=2026-11-23");
        Assert.Equal([People.TherapistB.ToString()], own.QuerySelectorAll("table.calendar thead th[data-therapist-id]").Select(th => th.GetAttribute("data-therapist-id")));
        Assert.Empty(own.QuerySelectorAll("td.free a")); // therapists do not book
        Assert.Null(own.QuerySelector($"a[href='/Calendar/Appointments/{appointment}']"));

        var week = await Reception.OpenAsync($"/Calendar/Week?therapistId={People.TherapistA}&date=2026-11-25");
        Assert.Equal(["Mon 23 Nov", "Tue 24 Nov", "Wed 25 Nov", "Thu 26 Nov", "Fri 27 Nov", "Sat 28 Nov", "Sun 29 Nov"],
            week.QuerySelectorAll("table.calendar thead th[data-date]").Select(th => th.TextContent.Trim()));
        Assert.NotNull(week.QuerySelector($"a.appointment[href='/Calendar/Appointments/{appointment}']"));
    }

    [Fact]
    public async Task Booking_finds_the_client_names_what_is_missing_asks_why_outside_hours_and_books_once()
    {
        var client = await host.NewClientAsync();
        var browser = Reception;
        var search = await browser.OpenAsync($"/Calendar/Book?therapistId={People.TherapistA}&date=2026-11-24&time=09:00&q=able");
        Assert.Contains($"clientId={People.ClientA}", search.QuerySelector($"#client-results li[data-client-id='{People.ClientA}'] a")!.GetAttribute("href"));
        Assert.Contains("therapistId=", search.QuerySelector("#client-results a")!.GetAttribute("href"));
        Assert.Null(search.QuerySelector("form#booking")); // the client first

        var url = $"/Calendar/Book?clientId={client}&therapistId={People.TherapistA}&date=2026-11-24&time=09:00";
        var page = await browser.OpenAsync(url);
        Assert.Equal("09:00", page.QuerySelector<IHtmlInputElement>("#Input_Time")!.Value);
        Assert.Null(page.QuerySelector("#Input_OutsideHoursReason"));
        var form = page.Form("form#booking");

        var missing = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["Input.ServiceId"] = "" }, "/Calendar/Book");
        Assert.Contains("Choose a service.", missing.FieldErrors());

        var nmt = (await host.Nmt60Async()).ToString();
        var late = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["Input.ServiceId"] = nmt, ["Input.Time"] = "19:00" }, "/Calendar/Book");
        Assert.Contains(late.FieldErrors(), e => e.StartsWith("That time is outside the therapist's working hours", StringComparison.Ordinal));
        Assert.NotNull(late.QuerySelector("#Input_OutsideHoursReason")); // the field the message asks for, now shown

        var booked = await Browser.RedirectTargetAsync(browser.SubmitAsync(late.Form("form#booking"),
            new Dictionary<string, string?> { ["Input.OutsideHoursReason"] = "Only free after work" }, "/Calendar/Book"));
        Assert.StartsWith("/Calendar/Appointments/", booked);
        var again = await Browser.RedirectTargetAsync(browser.SubmitAsync(late.Form("form#booking"),
            new Dictionary<string, string?> { ["Input.OutsideHoursReason"] = "Only free after work" }, "/Calendar/Book"));
        Assert.Equal(booked, again); // the same form twice: one booking
        var appointments = await host.Reception().GetJsonAsync($"/api/scheduling/clients/{client}/appointments");
        Assert.Single(appointments["upcoming"]!.AsArray());

        var details = await browser.OpenAsync(booked);
        Assert.Equal("Booked: Neuromuscular therapy, 60 minutes with Tara Therapist, 24 Nov 2026, 19:00.", details.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.Contains("Only free after work", details.QuerySelector("#details")!.TextContent);

        var noClient = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["Input.ClientId"] = "" }, "/Calendar/Book");
        Assert.Contains("Find and choose the client first.", noClient.FieldErrors());
    }

    [Fact]
    public async Task Check_in_is_refused_with_the_reason_while_the_client_may_not_be_treated()
    {
        var appointment = await ClientAAppointmentAsync();
        var browser = Reception;
        var page = await browser.OpenAsync($"/Calendar/Appointments/{appointment}");
        Assert.Equal("Alice Able", page.QuerySelector("h1 a")!.TextContent);
        Assert.Equal($"/Clients/{People.ClientA}", page.QuerySelector("h1 a")!.GetAttribute("href"));

        var refused = await browser.SubmitExpectingPageAsync(page.Form("form[action*='handler=CheckIn']"), new Dictionary<string, string?>(), $"/Calendar/Appointments/{appointment}?handler=CheckIn");
        Assert.StartsWith("The client may not be treated today:", refused.QuerySelector(".error-summary li")!.TextContent.Trim());
        Assert.Equal("Booked", refused.QuerySelector("#status")!.TextContent);

        // A therapist may check in (not here) but not cancel, move or record a no-show.
        var therapist = await Therapist(People.TherapistA).OpenAsync($"/Calendar/Appointments/{appointment}");
        Assert.NotNull(therapist.QuerySelector("form[action*='handler=CheckIn']"));
        Assert.Null(therapist.QuerySelector("form#cancel, form#move, form[action*='handler=NoShow']"));
        Assert.Equal(HttpStatusCode.NotFound, await Therapist(People.TherapistB).StatusAsync($"/Calendar/Appointments/{appointment}"));
    }

    [Fact]
    public async Task Moving_asks_for_a_date_then_moves_and_keeps_the_old_time_in_the_history()
    {
        var client = await host.NewClientAsync();
        var id = await host.Reception().BookedAsync(Api.Booking(client, await host.Nmt60Async(), "2026-11-25", "14:00"));
        var browser = Reception;
        var url = $"/Calendar/Appointments/{id}";
        var move = (await browser.OpenAsync(url)).Form("form#move");

        var noDate = await browser.SubmitExpectingPageAsync(move, new Dictionary<string, string?> { ["Move.Date"] = "" }, url + "?handler=Move");
        Assert.Contains("Enter the new date.", noDate.FieldErrors());

        var moved = await Browser.RedirectTargetAsync(browser.SubmitAsync(move,
            new Dictionary<string, string?> { ["Move.Date"] = "2026-11-26", ["Move.Time"] = "09:00", ["Move.TherapistId"] = People.TherapistB.ToString() }, url + "?handler=Move"));
        var page = await browser.OpenAsync(moved);
        Assert.Equal("Moved to 26 Nov 2026, 09:00 with Theo Therapist. The client has been told.", page.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.EndsWith(": Reception moved it from 25 Nov 2026, 14:00 with Tara Therapist", page.QuerySelector("#history li")!.TextContent.Trim());
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_says_when_it_is_late()
    {
        var client = await host.NewClientAsync();
        var today = await host.Reception().BookedAsync(Api.Booking(client, await host.Nmt60Async(), "2026-11-20", "15:00", People.TherapistB));
        var browser = Reception;
        var url = $"/Calendar/Appointments/{today}";
        var page = await browser.OpenAsync(url);
        Assert.StartsWith("Cancelling now is late", page.QuerySelector("#late-warning")!.TextContent.Trim());

        var noReason = await browser.SubmitExpectingPageAsync(page.Form("form#cancel"), new Dictionary<string, string?>(), url + "?handler=Cancel");
        Assert.Contains("Say why the appointment is cancelled: the client is told.", noReason.FieldErrors());

        var done = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync(page.Form("form#cancel"),
            new Dictionary<string, string?> { ["CancelReason"] = "Clinic flooded" }, url + "?handler=Cancel")));
        Assert.Equal("Appointment cancelled, late: a fee may apply. The client has been told.", done.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.Equal("By the clinic, late (a fee may apply): Clinic flooded", done.QuerySelector("#cancellation")!.TextContent.Trim());

        var later = await host.Reception().BookedAsync(Api.Booking(client, await host.Nmt60Async(), "2026-11-30", "15:00", People.TherapistB));
        Assert.StartsWith("Cancelling now is not late", (await browser.OpenAsync($"/Calendar/Appointments/{later}")).QuerySelector("#late-warning")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_no_show_waits_for_the_start_time()
    {
        var client = await host.NewClientAsync();
        var nmt = await host.Nmt60Async();
        var future = await host.Reception().BookedAsync(Api.Booking(client, nmt, "2026-12-01", "09:00", People.TherapistB));
        var browser = Reception;
        var url = $"/Calendar/Appointments/{future}";
        var refused = await browser.SubmitExpectingPageAsync((await browser.OpenAsync(url)).Form("form[action*='handler=NoShow']"), new Dictionary<string, string?>(), url + "?handler=NoShow");
        Assert.Equal("A no-show can be recorded once the appointment's start time has passed.", refused.QuerySelector(".error-summary li")!.TextContent.Trim());

        var passed = await host.Reception().BookedAsync(Api.Booking(client, nmt, "2026-11-20", "09:00", People.TherapistB)); // a visit recorded after the fact
        var pastUrl = $"/Calendar/Appointments/{passed}";
        var recorded = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync((await browser.OpenAsync(pastUrl)).Form("form[action*='handler=NoShow']"), null, pastUrl + "?handler=NoShow")));
        Assert.Equal("No-show recorded.", recorded.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.Equal("No-show", recorded.QuerySelector("#status")!.TextContent);
        Assert.Null(recorded.QuerySelector("#actions"));
    }

    [Fact]
    public async Task A_series_shows_each_date_free_or_not_refuses_book_all_and_books_the_free_dates_only()
    {
        var client = await host.NewClientAsync();
        var nmt = await host.Nmt60Async();
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-08", "16:00")); // Tara busy on the second Tuesday
        var browser = Reception;
        var form = (await browser.OpenAsync($"/Calendar/Series?clientId={client}&therapistId={People.TherapistA}&serviceId={nmt}&date=2026-12-01&time=16:00")).Form("form#series");

        var tooFew = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["Input.Occurrences"] = "1" }, "/Calendar/Series?handler=Check");
        Assert.Contains("A series has from 2 to 52 appointments.", tooFew.FieldErrors());

        var changes = new Dictionary<string, string?> { ["Input.Occurrences"] = "3" };
        var checkedDates = await browser.SubmitExpectingPageAsync(form, changes, "/Calendar/Series?handler=Check");
        Assert.Equal(["Tue 1 Dec 2026 Free", "Tue 8 Dec 2026 Not free the therapist is already booked at that time", "Tue 15 Dec 2026 Free"],
            checkedDates.QuerySelectorAll("#series-dates tbody tr").Select(r => Squash(r.TextContent)));
        Assert.Equal("2 of 3 dates are free; 1 is not.", checkedDates.QuerySelector("#series-summary")!.TextContent.Trim());

        var all = await browser.SubmitExpectingPageAsync(checkedDates.Form("form#series"), changes, "/Calendar/Series?handler=Book");
        Assert.Contains(all.FieldErrors(), e => e.StartsWith("Nothing was booked: 1 of 3 dates are not free", StringComparison.Ordinal));

        var target = await Browser.RedirectTargetAsync(browser.SubmitAsync(checkedDates.Form("form#series"), changes, "/Calendar/Series?handler=BookFree"));
        Assert.Equal($"/Clients/{client}/Appointments", target);
        var list = await browser.OpenAsync(target);
        Assert.Equal("Booked 2 appointments; not booked: 8 Dec.", list.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.Equal(2, list.QuerySelectorAll("#upcoming tbody tr").Length);
        Assert.NotNull(list.QuerySelector($"a[href='/Calendar/Book?clientId={client}']"));
        Assert.Null((await Therapist(People.TherapistA).OpenAsync($"/Clients/{People.ClientA}/Appointments")).QuerySelector("a[href^='/Calendar/Book']"));
    }

    [Fact]
    public async Task Off_sick_needs_a_message_refuses_a_colleague_who_is_busy_and_moves_the_day()
    {
        var nmt = await host.Nmt60Async();
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-03", "10:00"));
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-03", "10:00", People.TherapistB));
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-04", "11:00"));
        var browser = Reception;
        var form = (await browser.OpenAsync($"/Calendar/OffSick?therapistId={People.TherapistA}&date=2026-12-03")).Form("form#off-sick");

        var noMessage = await browser.SubmitExpectingPageAsync(form, new Dictionary<string, string?> { ["Input.Reason"] = "" }, "/Calendar/OffSick");
        Assert.Contains(noMessage.FieldErrors(), e => e.StartsWith("Say what clients should be told", StringComparison.Ordinal));

        var toTheo = new Dictionary<string, string?> { ["Input.MoveToTherapistId"] = People.TherapistB.ToString() };
        var busy = await browser.SubmitExpectingPageAsync(form, toTheo, "/Calendar/OffSick");
        Assert.Contains(busy.FieldErrors(), e => e.StartsWith("Nothing was changed: Theo Therapist cannot take 1 of the appointments", StringComparison.Ordinal));

        var day = await browser.OpenAsync(await Browser.RedirectTargetAsync(browser.SubmitAsync(form,
            new Dictionary<string, string?>(toTheo) { ["Input.Date"] = "2026-12-04" }, "/Calendar/OffSick")));
        Assert.Equal("Tara Therapist is off on 4 December: 1 appointment(s) moved to Theo Therapist; the clients have been told.", day.QuerySelector(".page-notice")!.TextContent.Trim());
        Assert.NotNull(day.QuerySelector($".calendar-list section[data-therapist-id='{People.TherapistB}'] a.appointment"));
        Assert.Equal("Time off", day.QuerySelector($"table.calendar td.away")!.TextContent.Trim());
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
