using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Autofac;
using Autofac.Features.Indexed;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>After booking: moving, cancelling (late or not), check-in, completion, no-shows, a series and a therapist off sick.</summary>
public sealed class LifecycleTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    private async Task<JsonNode> AppointmentAsync(Guid id) => await host.Manager().GetJsonAsync($"/api/scheduling/appointments/{id}");

    [Fact]
    public async Task The_module_schema_matches_its_model()
    {
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        var db = scope.Resolve<IIndex<string, ModuleDbContext>>()["Scheduling"];
        var differences = await SchemaDrift.FindDifferencesAsync(db, TestContext.Current.CancellationToken);
        Assert.True(differences.Count == 0, string.Join("; ", differences));
    }

    [Fact]
    public async Task Moving_keeps_the_old_time_in_the_history_and_tells_the_client()
    {
        var client = await host.NewClientAsync();
        var id = await host.Reception().BookedAsync(Api.Booking(client, await host.Nmt60Async(), "2026-12-02", "09:00"));

        await (await host.Reception().PostAsJsonAsync($"/api/scheduling/appointments/{id}/reschedule", new { date = "2026-12-02", time = "15:00" })).EnsureSuccessAsync();

        var appointment = await AppointmentAsync(id);
        Assert.Equal("2026-12-02T15:00:00Z", appointment["startsAt"]!.GetValue<string>());
        Assert.Equal("Reception moved it from 2 Dec 2026, 09:00", appointment["history"]![0]!["what"]!.GetValue<string>());
        Assert.Contains(host.Factory.Emails.Messages, m => m.ClientId == client && m.Kind == "appointment-moved" && m.TextBody.Contains("When: 2 Dec 2026, 15:00"));
    }

    [Fact]
    public async Task Moving_onto_a_taken_time_is_refused_and_the_appointment_stays()
    {
        var nmt = await host.Nmt60Async();
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-03", "14:00"));
        var id = await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-03", "09:00"));

        var refused = await host.Reception().PostAsJsonAsync($"/api/scheduling/appointments/{id}/reschedule", new { date = "2026-12-03", time = "14:30" });
        Assert.Equal("appointment.conflict", await refused.ProblemCodeAsync());
        Assert.Equal("2026-12-03T09:00:00Z", (await AppointmentAsync(id))["startsAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_cancelling_inside_24_hours_is_told_it_is_late_and_a_day_ahead_is_not()
    {
        var nmt = await host.Nmt60Async();
        var client = await host.NewClientAsync();
        // Saturday 21 Nov at 09:30 is 23.5 hours away; Monday 23 Nov at 10:00 is 72 hours away.
        var weekend = Api.Booking(client, nmt, "2026-11-21", "09:30");
        weekend["outsideHoursReason"] = "Weekend cover";
        var soon = await host.Manager().BookedAsync(weekend);
        var later = await host.Reception().BookedAsync(Api.Booking(client, nmt, "2026-11-23", "14:00"));

        var late = await (await host.ClientUser(client).PostAsJsonAsync($"/api/scheduling/appointments/{soon}/cancel", new { })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(late!["late"]!.GetValue<bool>());
        Assert.Equal("Client", late["cancelledBy"]!.GetValue<string>());

        var onTime = await (await host.ClientUser(client).PostAsJsonAsync($"/api/scheduling/appointments/{later}/cancel", new { })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(onTime!["late"]!.GetValue<bool>());
        Assert.Equal("Cancelled", (await AppointmentAsync(later))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_clinic_must_say_why_it_cancels_and_another_client_cannot_cancel()
    {
        var client = await host.NewClientAsync();
        var id = await host.Reception().BookedAsync(Api.Booking(client, await host.Nmt60Async(), "2026-12-04", "09:00"));

        var errors = await (await host.Reception().PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { })).FieldErrorsAsync();
        Assert.Contains("Say why", errors["Reason"]![0]!.GetValue<string>());

        var stranger = await host.NewClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await host.ClientUser(stranger).PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Therapist(People.TherapistB).GetAsync($"/api/scheduling/appointments/{id}")).StatusCode);
        Assert.Equal("Booked", (await AppointmentAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Check_in_is_refused_with_the_reasons_while_the_client_may_not_be_treated()
    {
        var client = await host.NewClientAsync(); // no intake, no consent
        var booking = Api.Booking(client, await host.Nmt60Async(), "2026-11-20", "15:00");
        var id = await host.Reception().BookedAsync(booking);

        var refused = await host.Reception().PostAsync($"/api/scheduling/appointments/{id}/check-in", null);
        Assert.Equal("appointment.not-cleared", await refused.ProblemCodeAsync());
        var detail = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        Assert.StartsWith("The client may not be treated today: ", detail);
        Assert.Contains("The health-history questionnaire has not been completed.", detail);
        Assert.Equal("Booked", (await AppointmentAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_consultation_is_checked_in_and_completed_without_the_treatment_go_ahead()
    {
        var manager = host.Manager();
        var created = await manager.PostAsJsonAsync("/api/scheduling/services", new
        {
            name = "Free telephone consultation", durationMinutes = 20, bufferAfterMinutes = 0, isConsultation = true, therapistIds = new[] { People.TherapistA },
        });
        var consultation = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var id = await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), consultation, "2026-11-20", "16:30"));

        await (await host.Reception().PostAsync($"/api/scheduling/appointments/{id}/check-in", null)).EnsureSuccessAsync();
        await (await host.Therapist(People.TherapistA).PostAsync($"/api/scheduling/appointments/{id}/complete", null)).EnsureSuccessAsync();
        Assert.Equal("Completed", (await AppointmentAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_no_show_is_recorded_once_the_start_has_passed_and_frees_the_time()
    {
        var nmt = await host.Nmt60Async();
        var id = await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-11-19", "09:00")); // yesterday, recorded

        await (await host.Reception().PostAsync($"/api/scheduling/appointments/{id}/no-show", null)).EnsureSuccessAsync();
        Assert.Equal("NoShow", (await AppointmentAsync(id))["status"]!.GetValue<string>());

        var future = await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-07", "09:00"));
        Assert.Equal("appointment.not-started", await (await host.Reception().PostAsync($"/api/scheduling/appointments/{future}/no-show", null)).ProblemCodeAsync());
    }

    [Fact]
    public async Task A_series_with_a_taken_date_books_nothing_unless_asked_to_book_the_free_dates()
    {
        var nmt = await host.Nmt60Async();
        await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-15", "10:30")); // the second Tuesday is taken
        var client = await host.NewClientAsync();
        var series = new Dictionary<string, object?>
        {
            ["clientId"] = client, ["serviceId"] = nmt, ["therapistId"] = People.TherapistA, ["firstDate"] = "2026-12-08", ["time"] = "10:00", ["occurrences"] = 3,
        };

        var preview = (await (await host.Reception().PostAsJsonAsync("/api/scheduling/appointments/series/preview", series)).Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal(["", "the therapist is already booked at that time", ""], preview.Select(o => o!["conflict"]?.GetValue<string>() ?? "").ToArray());

        var refused = await host.Reception().PostAsJsonAsync("/api/scheduling/appointments/series", series);
        Assert.Equal("series.conflicts", await refused.ProblemCodeAsync());
        Assert.Empty((await host.Reception().GetJsonAsync($"/api/scheduling/clients/{client}/appointments"))["upcoming"]!.AsArray());

        series["bookFreeOnly"] = true;
        var booked = (await (await host.Reception().PostAsJsonAsync("/api/scheduling/appointments/series", series)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["2026-12-08", "2026-12-22"], booked["booked"]!.AsArray().Select(o => o!["date"]!.GetValue<string>()).ToArray());
        Assert.Equal("2026-12-15", booked["skipped"]![0]!["date"]!.GetValue<string>());
    }

    [Fact]
    public async Task Off_sick_moves_the_day_to_a_colleague_or_cancels_it_and_tells_each_client()
    {
        var nmt = await host.Nmt60Async();
        var first = await host.NewClientAsync();
        var second = await host.NewClientAsync();
        var a = await host.Reception().BookedAsync(Api.Booking(first, nmt, "2026-12-10", "09:00"));
        var b = await host.Reception().BookedAsync(Api.Booking(second, nmt, "2026-12-10", "11:00"));

        var moved = await (await host.Reception().PostAsJsonAsync($"/api/scheduling/therapists/{People.TherapistA}/off-sick",
            new { date = "2026-12-10", moveToTherapistId = People.TherapistB, reason = "Tara is unwell" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(2, moved!["moved"]!.GetValue<int>());
        Assert.Equal(People.TherapistB, (await AppointmentAsync(a))["therapistId"]!.GetValue<Guid>());
        Assert.Equal(People.TherapistB, (await AppointmentAsync(b))["therapistId"]!.GetValue<Guid>());
        Assert.Contains(host.Factory.Emails.Messages, m => m.ClientId == second && m.Kind == "appointment-moved" && m.TextBody.Contains("With: Theo Therapist"));

        var cancelled = await (await host.Reception().PostAsJsonAsync($"/api/scheduling/therapists/{People.TherapistB}/off-sick",
            new { date = "2026-12-10", reason = "Theo is unwell too" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(2, cancelled!["cancelled"]!.GetValue<int>());
        Assert.Equal("Cancelled", (await AppointmentAsync(a))["status"]!.GetValue<string>());
        Assert.Contains(host.Factory.Emails.Messages, m => m.ClientId == first && m.Kind == "appointment-cancelled" && m.TextBody.Contains("Theo is unwell too"));

        // The day is time off now: a new booking there needs an override.
        var errors = await (await host.Reception().BookAsync(Api.Booking(await host.NewClientAsync(), nmt, "2026-12-10", "15:00", People.TherapistB))).FieldErrorsAsync();
        Assert.True(errors.ContainsKey("OutsideHoursReason"));
    }

    [Fact]
    public async Task Off_sick_moves_nothing_when_the_colleague_cannot_take_every_appointment()
    {
        var created = await host.Manager().PostAsJsonAsync("/api/scheduling/services", new
        {
            name = "Only Tara offers this", durationMinutes = 60, bufferAfterMinutes = 0, therapistIds = new[] { People.TherapistA },
        });
        var onlyTara = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var movable = await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), await host.Nmt60Async(), "2026-12-11", "09:00"));
        var stuck = await host.Reception().BookedAsync(Api.Booking(await host.NewClientAsync(), onlyTara, "2026-12-11", "14:00"));

        var refused = await host.Reception().PostAsJsonAsync($"/api/scheduling/therapists/{People.TherapistA}/off-sick",
            new { date = "2026-12-11", moveToTherapistId = People.TherapistB, reason = "Tara is unwell" });
        Assert.Equal("off-sick.cannot-move", await refused.ProblemCodeAsync());
        Assert.Contains("Theo Therapist does not offer Only Tara offers this", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        Assert.Equal(People.TherapistA, (await AppointmentAsync(movable))["therapistId"]!.GetValue<Guid>());
        Assert.Equal("Booked", (await AppointmentAsync(stuck))["status"]!.GetValue<string>());
    }
}

/// <summary>A client's appointments in their data export, and what erasure leaves of them.</summary>
public sealed class PrivacyTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    [Fact]
    public async Task The_export_lists_the_appointments_and_erasure_cancels_those_to_come_and_removes_their_free_text()
    {
        var client = await host.NewClientAsync();
        var nmt = await host.Nmt60Async();
        var past = Api.Booking(client, nmt, "2026-11-18", "10:00");
        var coming = Api.Booking(client, nmt, "2026-11-28", "10:00"); // a Saturday: outside hours, with a reason
        coming["outsideHoursReason"] = "Works weekdays at the hospice";
        var pastId = await host.Reception().BookedAsync(past);
        var comingId = await host.Reception().BookedAsync(coming);

        var export = await host.Manager().GetJsonAsync($"/api/clients/{client}/export");
        var section = export["sections"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Appointments")!["data"]!.AsArray();
        Assert.Equal(["18 Nov 2026, 10:00", "28 Nov 2026, 10:00"], section.Select(a => a!["starts"]!.GetValue<string>()).ToArray());

        await (await host.Manager().PostAsJsonAsync($"/api/clients/{client}/erase", new { confirmed = true })).EnsureSuccessAsync();
        await host.DeliverMessagesAsync();

        var cancelled = await host.Manager().GetJsonAsync($"/api/scheduling/appointments/{comingId}");
        Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Null(cancelled["outsideHoursReason"]?.GetValue<string>());
        Assert.False(cancelled["lateCancellation"]!.GetValue<bool>());
        Assert.Equal("Booked", (await host.Manager().GetJsonAsync($"/api/scheduling/appointments/{pastId}"))["status"]!.GetValue<string>());
    }
}
