using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>
/// The free-slot search beyond hours and bookings: a start is offered only while one of the clinic's rooms in use is free
/// for the whole visit and its buffer (and the booking's room choice agrees), a retired room's old bookings take no one's
/// place, and time off offers nothing.
/// </summary>
public sealed class FreeSlotTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    [Fact]
    public async Task A_start_is_offered_only_while_a_room_in_use_is_free_and_a_retired_rooms_bookings_do_not_count()
    {
        var manager = host.Manager();
        var nmt = await host.Nmt60Async(); // 60 minutes and 15 minutes' buffer, needs a room
        var rooms = (await manager.GetJsonAsync("/api/scheduling/rooms")).AsArray();
        var room1 = rooms.Single(r => r!["name"]!.GetValue<string>() == "Room 1")!["id"]!.GetValue<Guid>();
        var room2 = rooms.Single(r => r!["name"]!.GetValue<string>() == "Room 2")!["id"]!.GetValue<Guid>();

        // Wednesday 2 December (London is on UTC): therapist A in room 2 at 15:00, then room 2 retired, then A at 10:00,
        // which gets room 1, the only room left. Therapist B is free all day.
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-02", "15:00", People.TherapistA, room2));
        await (await manager.PutAsJsonAsync($"/api/scheduling/rooms/{room2}", new { name = "Room 2", retired = true })).EnsureSuccessAsync();
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-02", "10:00", People.TherapistA));

        // Room 1 is taken 10:00–11:15: a 75-minute hold starting 09:00 to 11:00 would overlap it; 11:15 starts as it ends.
        // The afternoon is all free: A's 15:00 visit is in the retired room, so room 1 is free then.
        var slots = (await manager.GetJsonAsync($"/api/scheduling/free-slots?serviceId={nmt}&therapistId={People.TherapistB}&from=2026-12-02&days=1")).AsArray()
            .Select(s => s!["startsAt"]!.GetValue<string>()[11..16]).ToArray();
        Assert.Equal(
            ["11:15", "11:30", "11:45", "12:00", "14:00", "14:15", "14:30", "14:45", "15:00", "15:15", "15:30", "15:45", "16:00", "16:15", "16:30", "16:45", "17:00"],
            slots);

        // The booking agrees: B at 10:30 finds no room, B at 15:00 gets room 1.
        var refused = await host.Reception().BookAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-02", "10:30", People.TherapistB));
        Assert.Equal("appointment.no-room", await refused.ProblemCodeAsync());
        var booked = await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-02", "15:00", People.TherapistB));
        Assert.Equal(room1, (await manager.GetJsonAsync($"/api/scheduling/appointments/{booked}"))["roomId"]!.GetValue<Guid>());

        // A service without a room is offered all morning: it was the room, not the therapist, that kept 09:00–11:00.
        var created = await manager.PostAsJsonAsync("/api/scheduling/services", new
        {
            name = "Talk-through, no room", durationMinutes = 60, bufferAfterMinutes = 15, needsRoom = false, therapistIds = new[] { People.TherapistB },
        });
        var roomless = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var morning = (await manager.GetJsonAsync($"/api/scheduling/free-slots?serviceId={roomless}&therapistId={People.TherapistB}&from=2026-12-02&days=1")).AsArray()
            .Select(s => s!["startsAt"]!.GetValue<string>()[11..16]).Where(t => string.CompareOrdinal(t, "13:00") < 0).ToArray();
        Assert.Equal(["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "11:30", "11:45", "12:00"], morning);
    }

    [Fact]
    public async Task A_day_of_time_off_offers_nothing_and_the_day_after_it_is_offered_from_the_first_hour()
    {
        var manager = host.Manager();
        var nmt = await host.Nmt60Async();
        await (await manager.PostAsJsonAsync($"/api/scheduling/therapists/{People.TherapistB}/time-off",
            new { firstDay = "2026-12-03", lastDay = "2026-12-03", reason = "Course" })).EnsureSuccessAsync();

        var starts = (await manager.GetJsonAsync($"/api/scheduling/free-slots?serviceId={nmt}&therapistId={People.TherapistB}&from=2026-12-03&days=2")).AsArray()
            .Select(s => s!["startsAt"]!.GetValue<string>()[..16]).ToArray();

        // Thursday 3 December is time off; Friday 4 December has its usual 09:00–13:00 and 14:00–18:00: 13 + 13 starts.
        Assert.Equal(26, starts.Length);
        Assert.Equal("2026-12-04T09:00", starts[0]);
        Assert.Equal("2026-12-04T17:00", starts[^1]);
    }
}
