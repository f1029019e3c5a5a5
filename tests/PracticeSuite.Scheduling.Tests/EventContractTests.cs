using System.Net.Http.Json;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>
/// Each event the module publishes, by stable name and exact payload: invoices, treatment plans, reminders and reviews
/// read these, so a renamed field or a lost event breaks them silently. Expected payloads are written out by hand.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class EventContractTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    private async Task<List<(string Type, string Payload)>> PublishedByAsync(Func<Task> act)
    {
        var before = (await host.OutboxAsync()).Select(m => m.Id).ToHashSet();
        await act();
        return (await host.OutboxAsync()).Where(m => !before.Contains(m.Id)).Select(m => (m.Type, m.Payload)).ToList();
    }

    private async Task<Guid> ServiceAsync() => await host.Nmt60Async();

    [Fact]
    public async Task Booking_publishes_appointment_booked_with_ids_and_utc_times()
    {
        var client = await host.NewClientAsync();
        var service = await ServiceAsync();
        var id = Guid.Empty;
        var published = await PublishedByAsync(async () => id = await host.Reception().BookedAsync(Api.Booking(client, service, "2026-12-08", "10:00")));

        Assert.Equal(
            [("scheduling.appointment-booked.v1",
                $$"""{"appointmentId":"{{id}}","clientId":"{{client}}","therapistId":"{{People.TherapistA}}","serviceId":"{{service}}","startsAt":"2026-12-08T10:00:00Z","endsAt":"2026-12-08T11:00:00Z","seriesId":null,"planId":null,"recorded":false}""")],
            published);
    }

    [Fact]
    public async Task A_visit_recorded_after_the_fact_is_marked_recorded()
    {
        var client = await host.NewClientAsync();
        var service = await ServiceAsync();
        var id = Guid.Empty;
        var published = await PublishedByAsync(async () => id = await host.Reception().BookedAsync(Api.Booking(client, service, "2026-11-18", "10:00")));

        Assert.Equal(
            [("scheduling.appointment-booked.v1",
                $$"""{"appointmentId":"{{id}}","clientId":"{{client}}","therapistId":"{{People.TherapistA}}","serviceId":"{{service}}","startsAt":"2026-11-18T10:00:00Z","endsAt":"2026-11-18T11:00:00Z","seriesId":null,"planId":null,"recorded":true}""")],
            published);
    }

    [Fact]
    public async Task Moving_publishes_appointment_rescheduled_with_the_previous_time_and_therapist()
    {
        var client = await host.NewClientAsync();
        var id = await host.Reception().BookedAsync(Api.Booking(client, await ServiceAsync(), "2026-12-09", "10:00"));

        var published = await PublishedByAsync(async () => await (await host.Reception().PostAsJsonAsync($"/api/scheduling/appointments/{id}/reschedule",
            new { date = "2026-12-09", time = "15:00", therapistId = People.TherapistB })).EnsureSuccessAsync());

        Assert.Equal(
            [("scheduling.appointment-rescheduled.v1",
                $$"""{"appointmentId":"{{id}}","clientId":"{{client}}","therapistId":"{{People.TherapistB}}","previousTherapistId":"{{People.TherapistA}}","startsAt":"2026-12-09T15:00:00Z","endsAt":"2026-12-09T16:00:00Z","previousStartsAt":"2026-12-09T10:00:00Z"}""")],
            published);
    }

    [Fact]
    public async Task Cancelling_publishes_appointment_cancelled_saying_late_and_by_whom()
    {
        var client = await host.NewClientAsync();
        var service = await ServiceAsync();
        var id = await host.Reception().BookedAsync(Api.Booking(client, service, "2026-11-20", "17:00"));

        var published = await PublishedByAsync(async () =>
            await (await host.ClientUser(client).PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { reason = "Car broke down" })).EnsureSuccessAsync());

        Assert.Equal(
            [("scheduling.appointment-cancelled.v1",
                $$"""{"appointmentId":"{{id}}","clientId":"{{client}}","therapistId":"{{People.TherapistA}}","serviceId":"{{service}}","startsAt":"2026-11-20T17:00:00Z","late":true,"cancelledBy":"Client"}""")],
            published);
    }

    [Fact]
    public async Task A_no_show_publishes_appointment_no_show()
    {
        var client = await host.NewClientAsync();
        var service = await ServiceAsync();
        var id = await host.Reception().BookedAsync(Api.Booking(client, service, "2026-11-19", "11:00"));

        var published = await PublishedByAsync(async () => await (await host.Reception().PostAsync($"/api/scheduling/appointments/{id}/no-show", null)).EnsureSuccessAsync());

        Assert.Equal(
            [("scheduling.appointment-no-show.v1",
                $$"""{"appointmentId":"{{id}}","clientId":"{{client}}","therapistId":"{{People.TherapistA}}","serviceId":"{{service}}","startsAt":"2026-11-19T11:00:00Z"}""")],
            published);
    }

    [Fact]
    public async Task Check_in_and_completion_publish_their_events_with_the_timed_minutes()
    {
        var created = await host.Manager().PostAsJsonAsync("/api/scheduling/services", new
        {
            name = "Consultation for events", durationMinutes = 30, bufferAfterMinutes = 0, isConsultation = true, therapistIds = new[] { People.TherapistA },
        });
        var service = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
        var client = await host.NewClientAsync();
        var id = await host.Reception().BookedAsync(Api.Booking(client, service, "2026-11-20", "12:00"));

        var checkedIn = await PublishedByAsync(async () => await (await host.Reception().PostAsync($"/api/scheduling/appointments/{id}/check-in", null)).EnsureSuccessAsync());
        Assert.Equal(
            [("scheduling.appointment-checked-in.v1",
                $$"""{"appointmentId":"{{id}}","clientId":"{{client}}","therapistId":"{{People.TherapistA}}","checkedInAt":"2026-11-20T10:00:00Z"}""")],
            checkedIn);

        var completed = await PublishedByAsync(async () => await (await host.Therapist(People.TherapistA).PostAsync($"/api/scheduling/appointments/{id}/complete", null)).EnsureSuccessAsync());
        Assert.Equal(
            [("scheduling.appointment-completed.v1",
                $$"""{"appointmentId":"{{id}}","serviceId":"{{service}}","timedMinutes":30,"therapistId":"{{People.TherapistA}}","clientId":"{{client}}","planId":null,"startsAt":"2026-11-20T12:00:00Z"}""")],
            completed);
    }
}
