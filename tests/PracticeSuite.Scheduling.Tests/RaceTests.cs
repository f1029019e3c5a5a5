using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>
/// Two people at the front desk book overlapping times at once (10:00–11:00 and 10:30–11:30): exactly one wins each
/// time, for the same therapist, the same room and the same client, because the database transaction serialises them
/// (ADR 0025), not only the check before the insert. Run on SQLite and on PostgreSQL.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class RaceTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    private const int Rounds = 6;

    private async Task<Guid> ServiceAsync(string name, bool needsRoom)
    {
        var services = await host.ServicesAsync();
        if (services.FirstOrDefault(s => s!["name"]!.GetValue<string>() == name) is { } existing)
        {
            return existing["id"]!.GetValue<Guid>();
        }

        var created = await host.Manager().PostAsJsonAsync("/api/scheduling/services", new
        {
            name, durationMinutes = 60, bufferAfterMinutes = 0, needsRoom, therapistIds = new[] { People.TherapistA, People.TherapistB },
        });
        await created.EnsureSuccessAsync();
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    /// <summary>Sends both bookings at the same moment and returns how many succeeded and how many were refused as conflicts.</summary>
    private async Task<(int Booked, int Refused)> RaceAsync(Dictionary<string, object?> first, Dictionary<string, object?> second)
    {
        var desks = new[] { host.Reception(), host.Manager() };
        var responses = await Task.WhenAll(desks[0].BookAsync(first), desks[1].BookAsync(second));
        foreach (var response in responses.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)))
        {
            Assert.Fail($"unexpected {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (responses.Count(r => r.StatusCode == HttpStatusCode.Created), responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    private static string Day(int round, int week) => new DateOnly(2027, 1, 4).AddDays(7 * week + round % 5).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_same_therapist_goes_to_exactly_one_of_two_overlapping_bookings()
    {
        var service = await ServiceAsync("Race, no room", needsRoom: false);
        for (var round = 0; round < Rounds; round++)
        {
            var date = Day(round, round / 5);
            var result = await RaceAsync(
                Api.Booking(await host.NewClientAsync(), service, date, "10:00"),
                Api.Booking(await host.NewClientAsync(), service, date, "10:30"));
            Assert.Equal((1, 1), result);
        }
    }

    [Fact]
    public async Task The_same_room_goes_to_exactly_one_of_two_overlapping_bookings()
    {
        var service = await ServiceAsync("Race, in a room", needsRoom: true);
        var room = (await host.Manager().GetJsonAsync("/api/scheduling/rooms")).AsArray()[0]!["id"]!.GetValue<Guid>();
        for (var round = 0; round < Rounds; round++)
        {
            var date = Day(round, 2 + round / 5);
            var result = await RaceAsync(
                Api.Booking(await host.NewClientAsync(), service, date, "10:00", People.TherapistA, room),
                Api.Booking(await host.NewClientAsync(), service, date, "10:30", People.TherapistB, room));
            Assert.Equal((1, 1), result);
        }
    }

    [Fact]
    public async Task The_same_client_goes_to_exactly_one_of_two_overlapping_bookings()
    {
        var service = await ServiceAsync("Race, no room", needsRoom: false);
        for (var round = 0; round < Rounds; round++)
        {
            var date = Day(round, 4 + round / 5);
            var client = await host.NewClientAsync();
            var result = await RaceAsync(
                Api.Booking(client, service, date, "10:00", People.TherapistA),
                Api.Booking(client, service, date, "10:30", People.TherapistB));
            Assert.Equal((1, 1), result);
        }
    }

    [Fact]
    public async Task The_same_form_sent_twice_at_once_books_once()
    {
        var service = await ServiceAsync("Race, no room", needsRoom: false);
        var client = await host.NewClientAsync();
        var booking = Api.Booking(client, service, Day(0, 6), "14:00");
        booking["requestId"] = Guid.NewGuid();

        var responses = await Task.WhenAll(host.Reception().BookAsync(booking), host.Reception().BookAsync(booking));
        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            await response.EnsureSuccessAsync();
            ids.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        }

        Assert.Single(ids.Distinct());
        Assert.Single((await host.Reception().GetJsonAsync($"/api/scheduling/clients/{client}/appointments"))["upcoming"]!.AsArray());
    }
}
