using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>A time held while someone completes a booking: taken for everyone else for ten minutes, then free again.</summary>
public sealed class HoldTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    [Fact]
    public async Task A_held_time_is_taken_for_others_usable_by_its_holder_and_free_again_after_ten_minutes()
    {
        var nmt = await host.Nmt60Async();
        var holder = await host.NewClientAsync();
        var hold = await (await host.ClientUser(holder).PostAsJsonAsync("/api/scheduling/holds",
            new { serviceId = nmt, therapistId = People.TherapistA, date = "2026-12-14", time = "10:00" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("2026-11-20T10:10:00Z", hold!["expiresAt"]!.GetValue<string>());

        var other = await host.Reception().BookAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-14", "10:30"));
        Assert.Equal("appointment.conflict", await other.ProblemCodeAsync());
        var slots = (await host.Manager().GetJsonAsync($"/api/scheduling/free-slots?serviceId={nmt}&therapistId={People.TherapistA}&from=2026-12-14&days=1")).AsArray();
        Assert.DoesNotContain(slots, s => s!["startsAt"]!.GetValue<string>() == "2026-12-14T10:00:00Z");

        var booking = Api.Booking(holder, nmt, "2026-12-14", "10:00");
        booking["holdId"] = hold["holdId"]!.GetValue<Guid>();
        await host.Reception().BookedAsync(booking);

        // A second hold, left to expire: after ten minutes the time is anyone's.
        await (await host.ClientUser(await host.NewClientAsync()).PostAsJsonAsync("/api/scheduling/holds",
            new { serviceId = nmt, therapistId = People.TherapistA, date = "2026-12-14", time = "15:00" })).EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await host.Reception().BookAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-14", "15:00"))).StatusCode);
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-14", "15:00"));
    }

    [Fact]
    public async Task A_hold_for_a_different_time_than_the_booking_is_refused()
    {
        var nmt = await host.Nmt60Async();
        var client = await host.NewClientAsync();
        var hold = await (await host.Reception().PostAsJsonAsync("/api/scheduling/holds",
            new { serviceId = nmt, therapistId = People.TherapistB, date = "2026-12-15", time = "11:00", clientId = client })).Content.ReadFromJsonAsync<JsonObject>();

        var booking = Api.Booking(client, nmt, "2026-12-15", "12:00", People.TherapistB);
        booking["holdId"] = hold!["holdId"]!.GetValue<Guid>();
        Assert.Contains("not the time being booked", (await (await host.Reception().BookAsync(booking)).FieldErrorsAsync())["HoldId"]![0]!.GetValue<string>());
    }
}
