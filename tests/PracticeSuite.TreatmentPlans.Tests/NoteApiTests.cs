using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.TreatmentPlans.Tests;

/// <summary>
/// Session notes over the API: opened from a checked-in appointment by its therapist, treated points checked and
/// highlighted, areas to avoid needing a reason, signing that locks, addenda after it, and the signed event's payload.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class NoteApiTests(TreatmentPlansHost host) : IClassFixture<TreatmentPlansHost>
{
    private static int _slot;

    /// <summary>A client of therapist A with an open wound on the left knee, booked at 14:00 on a day of the next week of its own, and checked in.</summary>
    private async Task<(Guid Client, Guid Appointment)> CheckedInAsync(bool checkIn = true)
    {
        host.Factory.Clock.AdjustTime(TreatmentPlansHost.Friday);
        var client = await host.ClientOfTherapistAAsync(("open-wound", ["knee-left"]));
        var nmt60 = (await host.Manager().GetJsonAsync("/api/scheduling/services")).AsArray()
            .Single(s => s!["name"]!.GetValue<string>() == "Neuromuscular therapy, 60 minutes")!["id"]!.GetValue<Guid>();
        var day = 23 + Interlocked.Increment(ref _slot); // Tuesday 24 to Friday 27 November, one per test
        var appointment = await host.Reception().PostAsJsonAsync("/api/scheduling/appointments", new
        {
            clientId = client, serviceId = nmt60, therapistId = People.TherapistA, date = $"2026-11-{day}", time = "14:00",
        }).CreatedIdAsync();
        host.Factory.Clock.AdjustTime(new DateTimeOffset(2026, 11, day, 14, 5, 0, TimeSpan.Zero));
        if (checkIn)
        {
            await (await host.Reception().PostAsync($"/api/scheduling/appointments/{appointment}/check-in", null)).EnsureSuccessAsync();
        }

        return (client, appointment);
    }

    private Task<Guid> OpenAsync(Guid appointment) => host.TherapistA().PostAsync($"/api/treatmentplans/appointments/{appointment}/note", null).CreatedIdAsync();

    private static object Point(string zone = "side-of-neck", int? hold = 60, int pressure = 5, string? reason = null) => new
    {
        muscle = "upper-trapezius", side = "Left", zone, technique = "IschaemicCompression", holdSeconds = hold, repetitions = 2, pressure,
        outcome = "Softened", avoidOverrideReason = reason,
    };

    [Fact]
    public async Task Only_the_appointments_therapist_opens_its_note_and_only_once_the_client_is_checked_in()
    {
        var (_, booked) = await CheckedInAsync(checkIn: false);
        Assert.Equal("note.not-checked-in", await (await host.TherapistA().PostAsync($"/api/treatmentplans/appointments/{booked}/note", null)).ProblemCodeAsync());
        await (await host.Reception().PostAsync($"/api/scheduling/appointments/{booked}/check-in", null)).EnsureSuccessAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await host.TherapistB().PostAsync($"/api/treatmentplans/appointments/{booked}/note", null)).StatusCode);
        Assert.Equal("note.not-your-appointment", await (await host.Manager().PostAsync($"/api/treatmentplans/appointments/{booked}/note", null)).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Reception().PostAsync($"/api/treatmentplans/appointments/{booked}/note", null)).StatusCode);

        var note = await OpenAsync(booked);
        Assert.Equal(note, await OpenAsync(booked)); // opening again finds the same note
    }

    [Fact]
    public async Task A_cancelled_appointment_has_no_note()
    {
        var (_, appointment) = await CheckedInAsync(checkIn: false);
        await (await host.Reception().PostAsJsonAsync($"/api/scheduling/appointments/{appointment}/cancel", new { reason = "Unwell" })).EnsureSuccessAsync();

        Assert.Equal("note.appointment-not-held", await (await host.TherapistA().PostAsync($"/api/treatmentplans/appointments/{appointment}/note", null)).ProblemCodeAsync());
    }

    [Fact]
    public async Task Treated_points_are_checked_highlighted_and_an_area_to_avoid_needs_a_reason()
    {
        var (_, appointment) = await CheckedInAsync();
        var note = await OpenAsync(appointment);
        var therapist = host.TherapistA();
        var refusals = new (object Body, string Field)[]
        {
            (Point(hold: 601), "HoldSeconds"), // over ten minutes
            (Point(hold: 0), "HoldSeconds"),
            (Point(hold: -5), "HoldSeconds"),
            (Point(pressure: 11), "Pressure"),
            (Point(pressure: -1), "Pressure"),
            (Point(zone: "nowhere"), "Zone"),
            (new { muscle = "upper-trapezius", zone = "side-of-neck", pressure = 5 }, "Side"),
            (new { muscle = "not-a-muscle", side = "Left", zone = "side-of-neck", pressure = 5 }, "Muscle"),
            // The front of the left knee lies in the left knee: an area to avoid (an open wound).
            (Point(zone: "front-of-knee-left"), "AvoidOverrideReason"),
        };
        foreach (var (body, field) in refusals)
        {
            var response = await therapist.PostAsJsonAsync($"/api/treatmentplans/notes/{note}/treated-points", body);
            Assert.True((await response.FieldErrorsAsync()).ContainsKey(field), $"{System.Text.Json.JsonSerializer.Serialize(body)}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty((await therapist.GetJsonAsync($"/api/treatmentplans/notes/{note}"))["treatedPoints"]!.AsArray());

        foreach (var body in new[] { Point(hold: 120, pressure: 6), Point(hold: 121, pressure: 6), Point(hold: null, pressure: 7), Point(zone: "front-of-knee-left", reason: "Wound healed; GP agreed") })
        {
            await (await therapist.PostAsJsonAsync($"/api/treatmentplans/notes/{note}/treated-points", body)).EnsureSuccessAsync();
        }

        var points = (await therapist.GetJsonAsync($"/api/treatmentplans/notes/{note}"))["treatedPoints"]!.AsArray();
        // At the 120 s cap and pressure 6: plain; one second over the cap, or pressure 7: highlighted.
        Assert.Equal([false, true, true, false], points.Select(p => p!["highlighted"]!.GetValue<bool>()));
        Assert.Equal("Wound healed; GP agreed", points[3]!["avoidOverrideReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Signing_locks_the_note_publishes_its_facts_and_later_words_are_addenda()
    {
        var (client, appointment) = await CheckedInAsync();
        var note = await OpenAsync(appointment);
        var therapist = host.TherapistA();
        Assert.Equal("note.not-signed", await (await therapist.PostAsJsonAsync($"/api/treatmentplans/notes/{note}/addenda", new { text = "Too early" })).ProblemCodeAsync());
        Assert.Equal("note.empty", await (await therapist.PostAsync($"/api/treatmentplans/notes/{note}/sign", null)).ProblemCodeAsync());

        await (await therapist.PutAsJsonAsync($"/api/treatmentplans/notes/{note}", new
        {
            changes = "Headaches down from daily to twice a week", findings = "Taut band, left upper trapezius", assessment = "Responding",
            plan = "Continue weekly", aftercare = new[] { "SorenessExpected", "Ice" },
        })).EnsureSuccessAsync();
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/notes/{note}/pain-scores", new { label = "Neck pain", score = 4 })).EnsureSuccessAsync();
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/notes/{note}/treated-points", Point())).EnsureSuccessAsync();
        await (await therapist.PutAsJsonAsync($"/api/treatmentplans/notes/{note}/minutes", new { technique = "CrossFibreFriction", minutes = 8 })).EnsureSuccessAsync();
        await (await therapist.PutAsJsonAsync($"/api/treatmentplans/notes/{note}/minutes", new { technique = "IschaemicCompression", minutes = 12 })).EnsureSuccessAsync();
        Assert.Equal("note.not-yours", await (await host.Manager().PostAsync($"/api/treatmentplans/notes/{note}/sign", null)).ProblemCodeAsync());

        var before = (await host.OutboxAsync()).Select(m => m.Id).ToHashSet();
        await (await therapist.PostAsync($"/api/treatmentplans/notes/{note}/sign", null)).EnsureSuccessAsync();
        var published = (await host.OutboxAsync()).Where(m => !before.Contains(m.Id)).Select(m => (m.Type, m.Payload)).ToList();
        var signedAt = host.Factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var endsAt = (await host.Manager().GetJsonAsync($"/api/scheduling/appointments/{appointment}"))["endsAt"]!.GetValue<string>();
        Assert.Equal(
            [("treatmentplans.session-note-signed.v1",
                $$"""{"noteId":"{{note}}","appointmentId":"{{appointment}}","clientId":"{{client}}","therapistId":"{{People.TherapistA}}","planId":null,"appointmentEndsAt":"{{endsAt}}","deepOrTriggerPointWork":true,"aftercare":["Ice","SorenessExpected"],"timedMinutes":[{"technique":"IschaemicCompression","minutes":12},{"technique":"CrossFibreFriction","minutes":8}],"signedAt":"{{signedAt}}"}""")],
            published);

        // Locked: no change of any part; the addendum keeps the signed text as it was.
        Assert.Equal("note.signed", await (await therapist.PutAsJsonAsync($"/api/treatmentplans/notes/{note}", new { findings = "Rewritten" })).ProblemCodeAsync());
        Assert.Equal("note.signed", await (await therapist.PostAsJsonAsync($"/api/treatmentplans/notes/{note}/treated-points", Point())).ProblemCodeAsync());
        Assert.Equal("note.signed", await (await therapist.PostAsync($"/api/treatmentplans/notes/{note}/sign", null)).ProblemCodeAsync());
        await (await therapist.PostAsJsonAsync($"/api/treatmentplans/notes/{note}/addenda", new { text = "Client phoned: headache eased next day." })).EnsureSuccessAsync();
        var saved = await therapist.GetJsonAsync($"/api/treatmentplans/notes/{note}");
        Assert.Equal("Taut band, left upper trapezius", saved["findings"]!.GetValue<string>());
        Assert.Equal("Client phoned: headache eased next day.", saved["addenda"]!.AsArray().Single()!["text"]!.GetValue<string>());
        Assert.True(saved["signed"]!.GetValue<bool>());
        Assert.Contains(host.Factory.Audit.Entries, e => e.Action.Code == "treatmentplans.note.signed" && e.ClientId == client);
    }
}
