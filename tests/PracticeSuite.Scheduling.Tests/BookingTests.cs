using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>Booking through the API: what is refused and why, and what a booking holds (the clock: Friday 20 Nov 2026, 10:00 London).</summary>
public sealed class BookingTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    [Fact]
    public async Task A_booking_ends_when_the_service_does_and_reads_back_in_utc()
    {
        var client = await host.NewClientAsync();
        var id = await host.Reception().BookedAsync(Api.Booking(client, await host.Nmt60Async(), "2026-11-24", "14:00"));

        var appointment = await host.Reception().GetJsonAsync($"/api/scheduling/appointments/{id}");
        Assert.Equal("2026-11-24T14:00:00Z", appointment["startsAt"]!.GetValue<string>());
        Assert.Equal("2026-11-24T15:00:00Z", appointment["endsAt"]!.GetValue<string>());
        Assert.Equal("Booked", appointment["status"]!.GetValue<string>());
        Assert.Equal("Tara Therapist", appointment["therapistName"]!.GetValue<string>());
        Assert.Equal("Room 1", appointment["roomName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_summer_booking_is_stored_an_hour_earlier_in_utc()
    {
        var client = await host.NewClientAsync();
        var id = await host.Reception().BookedAsync(Api.Booking(client, await host.Nmt60Async(), "2027-06-15", "10:00"));

        Assert.Equal("2027-06-15T09:00:00Z", (await host.Reception().GetJsonAsync($"/api/scheduling/appointments/{id}"))["startsAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_time_skipped_by_the_spring_clock_change_is_refused_on_the_time_field()
    {
        var client = await host.NewClientAsync();
        var booking = Api.Booking(client, await host.Nmt60Async(), "2027-03-28", "01:30");
        booking["outsideHoursReason"] = "Early start agreed";
        var response = await host.Manager().BookAsync(booking);

        var errors = await response.FieldErrorsAsync();
        Assert.Contains("does not exist", errors["Time"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Overlapping_the_therapist_buffer_included_is_refused_and_the_first_minute_after_it_is_free()
    {
        var nmt = await host.Nmt60Async();
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-11-25", "09:00")); // holds 09:00–10:15

        var clash = await host.Reception().BookAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-11-25", "10:00"));
        Assert.Equal("appointment.conflict", await clash.ProblemCodeAsync());
        Assert.Contains("therapist is already booked", await clash.Content.ReadAsStringAsync());

        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-11-25", "10:15"));
    }

    [Fact]
    public async Task The_same_client_cannot_be_in_two_places_and_a_second_room_is_found_when_the_first_is_taken()
    {
        var nmt = await host.Nmt60Async();
        var client = await host.NewClientAsync();
        await host.Reception().BookedAsync(Api.Booking(client, nmt, "2026-11-26", "09:00"));

        var sameClient = await host.Reception().BookAsync(Api.Booking(client, nmt, "2026-11-26", "09:30", People.TherapistB));
        Assert.Contains("client already has an appointment", await sameClient.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, sameClient.StatusCode);

        var other = await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-11-26", "09:00", People.TherapistB));
        Assert.Equal("Room 2", (await host.Reception().GetJsonAsync($"/api/scheduling/appointments/{other}"))["roomName"]!.GetValue<string>());

        var third = await host.Reception().BookAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-11-26", "09:30", People.TherapistB));
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
    }

    [Fact]
    public async Task Outside_working_hours_needs_a_reason_which_is_recorded()
    {
        var nmt = await host.Nmt60Async();
        var client = await host.NewClientAsync();
        var saturday = Api.Booking(client, nmt, "2026-11-28", "10:00");
        var errors = await (await host.Reception().BookAsync(saturday)).FieldErrorsAsync();
        Assert.Contains("outside the therapist's working hours", errors["OutsideHoursReason"]![0]!.GetValue<string>());

        saturday["outsideHoursReason"] = "Client works weekdays; therapist agreed";
        var id = await host.Reception().BookedAsync(saturday);
        Assert.Equal("Client works weekdays; therapist agreed",
            (await host.Reception().GetJsonAsync($"/api/scheduling/appointments/{id}"))["outsideHoursReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Staff_record_a_visit_up_to_seven_days_back_without_telling_the_client()
    {
        var nmt = await host.Nmt60Async();
        var client = await host.NewClientAsync();
        var before = host.Factory.Emails.Messages.Count(m => m.ClientId == client);

        await host.Reception().BookedAsync(Api.Booking(client, nmt, "2026-11-16", "10:00")); // Monday, 4 days back
        Assert.Equal(before, host.Factory.Emails.Messages.Count(m => m.ClientId == client));

        var tooOld = await host.Reception().BookAsync(Api.Booking(client, nmt, "2026-11-12", "10:00")); // 8 days back
        Assert.Contains("up to 7 days back", (await tooOld.FieldErrorsAsync())["Date"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_booking_e_mails_the_client_with_the_service_therapist_and_time()
    {
        var client = await host.NewClientAsync();
        await host.Reception().BookedAsync(Api.Booking(client, await host.Nmt60Async(), "2026-11-27", "15:30"));

        var message = Assert.Single(host.Factory.Emails.Messages, m => m.ClientId == client);
        Assert.Equal("appointment-booked", message.Kind);
        Assert.Contains("When: 27 Nov 2026, 15:30", message.TextBody);
        Assert.Contains("With: Tara Therapist", message.TextBody);
        Assert.Contains("Neuromuscular therapy, 60 minutes", message.TextBody);
    }

    [Fact]
    public async Task A_form_sent_twice_books_once()
    {
        var client = await host.NewClientAsync();
        var booking = Api.Booking(client, await host.Nmt60Async(), "2026-11-30", "11:00");
        booking["requestId"] = Guid.NewGuid();

        var first = await host.Reception().BookedAsync(booking);
        var second = await host.Reception().BookedAsync(booking);

        Assert.Equal(first, second);
        var appointments = await host.Reception().GetJsonAsync($"/api/scheduling/clients/{client}/appointments");
        Assert.Single(appointments["upcoming"]!.AsArray());
    }

    [Fact]
    public async Task A_service_the_therapist_does_not_offer_or_a_retired_one_is_refused()
    {
        var manager = host.Manager();
        var created = await manager.PostAsJsonAsync("/api/scheduling/services", new
        {
            name = "Pregnancy massage", durationMinutes = 60, bufferAfterMinutes = 10, needsRoom = false, therapistIds = new[] { People.TherapistB },
        });
        await created.EnsureSuccessAsync();
        var serviceId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var client = await host.NewClientAsync();

        var notOffered = await host.Reception().BookAsync(Api.Booking(client, serviceId, "2026-12-01", "10:00", People.TherapistA));
        Assert.Contains("does not offer Pregnancy massage", (await notOffered.FieldErrorsAsync())["TherapistId"]![0]!.GetValue<string>());

        await (await manager.PostAsJsonAsync($"/api/scheduling/services/{serviceId}/retired", new { retired = true })).EnsureSuccessAsync();
        var retired = await host.Reception().BookAsync(Api.Booking(client, serviceId, "2026-12-01", "10:00", People.TherapistB));
        Assert.Contains("no longer offered", (await retired.FieldErrorsAsync())["ServiceId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_fields_are_named_and_nothing_is_saved()
    {
        var client = await host.NewClientAsync();
        var errors = await (await host.Reception().PostAsJsonAsync("/api/scheduling/appointments", new { clientId = client })).FieldErrorsAsync();

        Assert.Equal("Choose a service.", errors["ServiceId"]![0]!.GetValue<string>());
        Assert.Equal("Enter the date.", errors["Date"]![0]!.GetValue<string>());
        Assert.Empty((await host.Reception().GetJsonAsync($"/api/scheduling/clients/{client}/appointments"))["upcoming"]!.AsArray());
    }
}
