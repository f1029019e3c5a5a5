using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>The manager's catalogue and hours: what is refused, what is kept, and what free time follows from them.</summary>
public sealed class CatalogueTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    [Fact]
    public async Task A_new_clinic_offers_the_four_usual_services_with_their_lengths()
    {
        var services = await host.ServicesAsync();

        Assert.Equal(
            ["Initial consultation and treatment:75", "Neuromuscular therapy, 60 minutes:60", "Neuromuscular therapy, 90 minutes:90", "Follow-up session, 45 minutes:45"],
            services.Take(4).Select(s => $"{s!["name"]}:{s["durationMinutes"]}").ToArray());
    }

    [Fact]
    public async Task Weekly_hours_with_a_break_are_kept_and_overlapping_or_missing_ranges_are_refused()
    {
        var manager = host.Manager();
        var url = $"/api/scheduling/therapists/{People.TherapistB}/hours";

        var overlapping = await manager.PutAsJsonAsync(url, new { ranges = new[] { new { day = "Monday", start = "09:00", end = "13:00" }, new { day = "Monday", start = "12:30", end = "17:00" } } });
        Assert.Equal("On Monday, 09:00–13:00 overlaps 12:30–17:00.", (await overlapping.FieldErrorsAsync())["Ranges"]![0]!.GetValue<string>());
        var missing = await manager.PutAsJsonAsync(url, new { });
        Assert.Equal("Give the weekly hours (an empty list means no hours).", (await missing.FieldErrorsAsync())["Ranges"]![0]!.GetValue<string>());

        await (await manager.PutAsJsonAsync(url, new { ranges = new[] { new { day = "Monday", start = "09:00", end = "12:00" }, new { day = "Monday", start = "13:00", end = "17:00" } } })).EnsureSuccessAsync();
        var hours = (await manager.GetJsonAsync($"/api/scheduling/therapists/{People.TherapistB}/availability"))["hours"]!.AsArray();
        Assert.Equal(["Monday 09:00:00-12:00:00", "Monday 13:00:00-17:00:00"], hours.Select(h => $"{h!["day"]} {h["start"]}-{h["end"]}").ToArray());
    }

    [Fact]
    public async Task Free_slots_follow_the_hours_skip_the_booked_time_and_its_buffer_and_a_closure()
    {
        var manager = host.Manager();
        var created = await manager.PostAsJsonAsync("/api/scheduling/services", new
        {
            name = "Slot check", durationMinutes = 60, bufferAfterMinutes = 15, needsRoom = false, therapistIds = new[] { People.TherapistA },
        });
        var service = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), service, "2026-12-01", "10:00")); // Tuesday: holds 10:00–11:15

        var slots = (await manager.GetJsonAsync($"/api/scheduling/free-slots?serviceId={service}&from=2026-12-01&days=1")).AsArray()
            .Select(s => s!["startsAt"]!.GetValue<string>()[11..16]).ToArray();
        // Hours 09:00–13:00 and 14:00–18:00 on a 15-minute grid; a 60-minute visit must end by 13:00 and by 18:00, and
        // nothing before 10:00 fits: 08:45 would be the latest start whose 15-minute buffer ends by the 10:00 booking.
        Assert.Equal(
            ["11:15", "11:30", "11:45", "12:00", "14:00", "14:15", "14:30", "14:45", "15:00", "15:15", "15:30", "15:45", "16:00", "16:15", "16:30", "16:45", "17:00"],
            slots);

        await (await manager.PutAsJsonAsync("/api/scheduling/closures/2026-12-01", new { name = "Staff training" })).EnsureSuccessAsync();
        Assert.Empty((await manager.GetJsonAsync($"/api/scheduling/free-slots?serviceId={service}&from=2026-12-01&days=1")).AsArray());
    }

    [Fact]
    public async Task A_service_needs_a_name_a_length_in_five_minute_steps_and_a_unique_name()
    {
        var manager = host.Manager();
        var errors = await (await manager.PostAsJsonAsync("/api/scheduling/services", new { name = "", durationMinutes = 62, bufferAfterMinutes = 200, therapistIds = Array.Empty<Guid>() })).FieldErrorsAsync();
        Assert.Equal("Enter the service's name.", errors["Name"]![0]!.GetValue<string>());
        Assert.Equal("Give the length in steps of 5 minutes.", errors["DurationMinutes"]![0]!.GetValue<string>());
        Assert.Equal("The time kept free after it is from 0 to 120 minutes.", errors["BufferAfterMinutes"]![0]!.GetValue<string>());

        var duplicate = await manager.PostAsJsonAsync("/api/scheduling/services", new { name = "Neuromuscular therapy, 60 minutes", durationMinutes = 60, therapistIds = Array.Empty<Guid>() });
        Assert.Equal("There is already a service called Neuromuscular therapy, 60 minutes.", (await duplicate.FieldErrorsAsync())["Name"]![0]!.GetValue<string>());
    }
}
