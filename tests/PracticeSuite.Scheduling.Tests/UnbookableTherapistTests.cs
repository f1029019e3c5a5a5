using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>A therapist whose licence has lapsed is not booked and not offered, though their booked appointments stay.</summary>
public sealed class UnbookableTherapistTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    [Fact]
    public async Task A_therapist_with_a_lapsed_licence_is_refused_with_the_reason_and_offers_no_free_time()
    {
        var nmt = await host.Nmt60Async();
        var booked = await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-16", "09:00", People.TherapistB));
        Assert.NotEmpty((await host.Manager().GetJsonAsync($"/api/scheduling/free-slots?serviceId={nmt}&therapistId={People.TherapistB}&from=2026-12-16&days=1")).AsArray());

        await Credentials.AddAsync(host, People.TherapistB, "Licence", "2026-11-19"); // lapsed yesterday

        var refused = await host.Reception().BookAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-16", "14:00", People.TherapistB));
        Assert.Equal("therapist.unbookable", await refused.ProblemCodeAsync());
        Assert.Empty((await host.Manager().GetJsonAsync($"/api/scheduling/free-slots?serviceId={nmt}&therapistId={People.TherapistB}&from=2026-12-16&days=1")).AsArray());
        Assert.Equal("Booked", (await host.Manager().GetJsonAsync($"/api/scheduling/appointments/{booked}"))["status"]!.GetValue<string>());
    }
}
