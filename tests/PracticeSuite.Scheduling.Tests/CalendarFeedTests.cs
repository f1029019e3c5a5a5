using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>
/// Calendar feeds behind secret links (ADR 0027) and the .ics on appointment e-mails. The feeds are read back with npm's
/// ical.js, and every event's start and end compared, as UTC instants, with values written by hand across both of
/// 2027's clock changes in London (28 March, 31 October).
/// </summary>
public sealed class CalendarFeedTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    private static async Task<string> NewFeedAsync(HttpClient owner)
    {
        var response = await owner.PostAsync("/api/scheduling/calendar-feed", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"feed link: {(int)response.StatusCode} {text}");
        var url = new Uri(JsonNode.Parse(text)!["url"]!.GetValue<string>());
        Assert.Matches("^/calendar/[A-Za-z0-9_-]{43}\\.ics$", url.AbsolutePath);
        return url.AbsolutePath;
    }

    private async Task<string> FeedAsync(string path)
    {
        var response = await host.Anonymous().GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"feed: {(int)response.StatusCode} {text}");
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return text;
    }

    [Fact]
    public async Task A_therapists_feed_read_by_ical_js_has_the_right_instants_across_both_clock_changes()
    {
        var therapist = People.TherapistB;
        var nmt = await host.Nmt60Async();
        var client = await host.NewClientAsync();
        var reception = host.Reception();
        // Friday before the spring change (GMT), Monday after it (BST), and 01:30 on the autumn change's day: that wall
        // clock time happens twice; the clinic means the first (BST), and the hour's end, 01:30 GMT, is the second.
        var beforeSpring = await reception.BookedAsync(Api.Booking(client, nmt, "2027-03-26", "10:00", therapist));
        var afterSpring = await reception.BookedAsync(Api.Booking(client, nmt, "2027-03-29", "10:00", therapist));
        var night = Api.Booking(client, nmt, "2027-10-31", "01:30", therapist);
        night["outsideHoursReason"] = "Night shift test";
        var autumnNight = await reception.BookedAsync(night);
        var moved = await reception.BookedAsync(Api.Booking(client, nmt, "2027-04-05", "10:00", therapist));
        await (await reception.PostAsJsonAsync($"/api/scheduling/appointments/{moved}/reschedule", new { date = "2027-04-06", time = "11:00" })).EnsureSuccessAsync();
        var cancelled = await reception.BookedAsync(Api.Booking(client, nmt, "2027-04-07", "10:00", therapist));
        await (await reception.PostAsJsonAsync($"/api/scheduling/appointments/{cancelled}/cancel", new { reason = "Client asked" })).EnsureSuccessAsync();
        var nextYear = await reception.BookedAsync(Api.Booking(client, nmt, "2027-11-25", "10:00", therapist)); // past the year ahead
        var otherTherapists = await reception.BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2027-03-26", "10:00", People.TherapistA));

        var ics = await FeedAsync(await NewFeedAsync(host.Therapist(therapist)));
        var calendar = await IcalJs.ReadAsync(ics);

        Assert.Null(calendar.Method);
        Assert.Equal(["Europe/London"], calendar.TimeZones);
        var expected = new[]
        {
            (beforeSpring, "2027-03-26T10:00:00Z", "2027-03-26T11:00:00Z", 0),
            (afterSpring, "2027-03-29T09:00:00Z", "2027-03-29T10:00:00Z", 0),
            (moved, "2027-04-06T10:00:00Z", "2027-04-06T11:00:00Z", 1),
            (autumnNight, "2027-10-31T00:30:00Z", "2027-10-31T01:30:00Z", 0),
        };
        // The therapist's other appointments (seeded, or booked by other tests on this host) are in the feed too.
        var ours = new[] { beforeSpring, afterSpring, autumnNight, moved, cancelled, nextYear, otherTherapists }.Select(id => $"{id}@practicesuite.scheduling").ToHashSet();
        Assert.Equal(
            expected.Select(e => $"{e.Item1}@practicesuite.scheduling").Order(),
            calendar.Events.Select(e => e.Uid).Where(ours.Contains).Order());
        foreach (var (id, start, end, sequence) in expected)
        {
            var feedEvent = Assert.Single(calendar.Events, e => e.Uid == $"{id}@practicesuite.scheduling");
            Assert.Equal(DateTimeOffset.Parse(start), feedEvent.Start);
            Assert.Equal(DateTimeOffset.Parse(end), feedEvent.End);
            Assert.Equal(sequence, feedEvent.Sequence ?? 0);
            Assert.Equal("Appointment: Neuromuscular therapy, 60 minutes", feedEvent.Summary);
            Assert.StartsWith("Your clinic", feedEvent.Location);
            Assert.Equal("CONFIRMED", feedEvent.Status);
        }

        Assert.DoesNotContain("Given", ics); // no client's name on a therapist's phone
        Assert.DoesNotContain("Family", ics);
        Assert.DoesNotContain("Night shift", ics); // nor the clinic's own notes
        Assert.Equal(1, CountOf(ics, "BEGIN:VTIMEZONE"));
        Assert.Contains("DTSTART;TZID=Europe/London:20270326T100000", Unfolded(ics));
        Assert.Contains("DTEND:20271031T013000Z", Unfolded(ics)); // the second 01:30 is written as an instant
    }

    [Fact]
    public async Task A_clients_feed_lists_their_own_appointments_by_service_name()
    {
        var nmt = await host.Nmt60Async();
        var client = await host.NewClientAsync();
        var own = await host.Reception().BookedAsync(Api.Booking(client, nmt, "2026-12-09", "14:00"));
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-09", "14:00", People.TherapistB));

        var calendar = await IcalJs.ReadAsync(await FeedAsync(await NewFeedAsync(host.ClientUser(client))));

        var only = Assert.Single(calendar.Events);
        Assert.Equal($"{own}@practicesuite.scheduling", only.Uid);
        Assert.Equal("Neuromuscular therapy, 60 minutes", only.Summary);
        Assert.Equal(DateTimeOffset.Parse("2026-12-09T14:00:00Z"), only.Start);
        Assert.Equal(DateTimeOffset.Parse("2026-12-09T15:00:00Z"), only.End);
    }

    [Fact]
    public async Task A_revoked_replaced_or_unknown_link_is_not_found()
    {
        var therapist = host.Therapist(People.TherapistA);
        var first = await NewFeedAsync(therapist);
        var second = await NewFeedAsync(therapist);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync(first)).StatusCode); // replaced
        await FeedAsync(second);

        Assert.Equal(HttpStatusCode.NoContent, (await therapist.DeleteAsync("/api/scheduling/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync(second)).StatusCode); // revoked
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.DeleteAsync("/api/scheduling/calendar-feed")).StatusCode); // nothing left to revoke

        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync($"/calendar/{new string('A', 43)}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Anonymous().GetAsync("/calendar/short.ics")).StatusCode);
    }

    [Fact]
    public async Task Reception_has_no_feed_of_its_own()
    {
        var response = await host.Reception().PostAsync("/api/scheduling/calendar-feed", null);
        Assert.Equal("calendar-feed.no-owner", await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task Appointment_emails_carry_an_ics_that_requests_updates_and_cancels_one_event()
    {
        var client = await host.NewClientAsync();
        var reception = host.Reception();
        var id = await reception.BookedAsync(Api.Booking(client, await host.Nmt60Async(), "2026-12-10", "09:00"));
        await (await reception.PostAsJsonAsync($"/api/scheduling/appointments/{id}/reschedule", new { date = "2026-12-10", time = "15:00" })).EnsureSuccessAsync();
        await (await reception.PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { reason = "Therapist unwell" })).EnsureSuccessAsync();

        async Task<IcalJs.Calendar> InvitationAsync(string kind)
        {
            var message = Assert.Single(host.Factory.Emails.Messages, m => m.ClientId == client && m.Kind == kind);
            var attachment = Assert.Single(message.Attachments!);
            Assert.Equal("appointment.ics", attachment.FileName);
            var text = Encoding.UTF8.GetString(attachment.Content);
            Assert.Contains("ATTENDEE", text); // the client, who accepts or declines
            Assert.DoesNotContain("Therapist unwell", text);
            var calendar = await IcalJs.ReadAsync(text);
            Assert.StartsWith($"text/calendar; charset=utf-8; method={calendar.Method}", attachment.ContentType);
            return calendar;
        }

        var booked = await InvitationAsync("appointment-booked");
        var moved = await InvitationAsync("appointment-moved");
        var cancelled = await InvitationAsync("appointment-cancelled");

        Assert.Equal(("REQUEST", 0, DateTimeOffset.Parse("2026-12-10T09:00:00Z")), (booked.Method, booked.Events.Single().Sequence ?? 0, booked.Events.Single().Start));
        Assert.Equal(("REQUEST", 1, DateTimeOffset.Parse("2026-12-10T15:00:00Z")), (moved.Method, moved.Events.Single().Sequence ?? 0, moved.Events.Single().Start));
        Assert.Equal(("CANCEL", 2, "CANCELLED"), (cancelled.Method, cancelled.Events.Single().Sequence ?? 0, cancelled.Events.Single().Status));
        Assert.Equal([$"{id}@practicesuite.scheduling"], new[] { booked, moved, cancelled }.Select(c => c.Events.Single().Uid).Distinct());
        Assert.Equal(["Europe/London"], cancelled.TimeZones);
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    /// <summary>The text with RFC 5545's folded lines joined again.</summary>
    private static string Unfolded(string ics) => ics.Replace("\r\n ", "").Replace("\r\n\t", "");
}
