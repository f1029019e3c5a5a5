using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Features.Appointments;
using PracticeSuite.Modules.Scheduling.Features.Availability;
using PracticeSuite.Modules.Scheduling.Features.Calendar;
using PracticeSuite.Modules.Scheduling.Features.Feeds;
using PracticeSuite.Modules.Scheduling.Features.Services;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Modules.Scheduling;

/// <summary>
/// The JSON API under <c>/api/scheduling</c>. Role rules are the endpoints' policies; which appointment or client a
/// caller may reach is the module's access check (a 404 otherwise). Dates and times in requests are the clinic's wall
/// clock; instants in responses are UTC.
/// </summary>
internal static class SchedulingApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        // The catalogue: staff read it, managers change it.
        api.MapGet("/services", (bool? includeRetired, IMediator m, CancellationToken ct) => m.Send(new GetServices(includeRetired ?? false), ct))
            .RequireAuthorization(Policies.Staff);
        api.MapPost("/services", async (SaveService command, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(command with { ServiceId = null }, ct);
                return TypedResults.Created($"/api/scheduling/services/{id}", new Created(id));
            })
            .RequireAuthorization(Policies.Manager);
        api.MapPut("/services/{serviceId:guid}", async (Guid serviceId, SaveService command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { ServiceId = serviceId }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);
        api.MapPost("/services/{serviceId:guid}/retired", async (Guid serviceId, RetiredBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new SetServiceRetired(serviceId, body.Retired), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);
        // The therapists as clients see them (name, biography, photo, bookable now): public, like a clinic's "our team" page.
        api.MapGet("/therapists", (IMediator m, CancellationToken ct) => m.Send(new GetTherapistProfiles(), ct))
            .AllowAnonymous();
        api.MapGet("/rooms", async (IMediator m, CancellationToken ct) =>
                (await m.Send(new GetRooms(), ct)).Select(r => new RoomView(r.Id, r.Name, r.Retired)).ToList())
            .RequireAuthorization(Policies.Staff);
        api.MapPost("/rooms", async (RoomBody body, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(new SaveRoom(null, body.Name, body.Retired), ct);
                return TypedResults.Created($"/api/scheduling/rooms/{id}", new Created(id));
            })
            .RequireAuthorization(Policies.Manager);
        api.MapPut("/rooms/{roomId:guid}", async (Guid roomId, RoomBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new SaveRoom(roomId, body.Name, body.Retired), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);

        // Availability.
        api.MapGet("/therapists/{therapistId:guid}/availability", async (Guid therapistId, IMediator m, CancellationToken ct) =>
            {
                var availability = await m.Send(new GetTherapistAvailability(therapistId), ct);
                return new AvailabilityView(availability.TherapistId, availability.TherapistName, availability.Hours,
                    availability.TimeOff.Select(t => new TimeOffView(t.Id, t.StartsAt, t.EndsAt, t.Reason)).ToList());
            })
            .RequireAuthorization(Policies.Staff);
        api.MapPut("/therapists/{therapistId:guid}/hours", async (Guid therapistId, HoursBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new SetWorkingHours(therapistId, body.Ranges!), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);
        api.MapPost("/therapists/{therapistId:guid}/time-off", async (Guid therapistId, TimeOffBody body, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(new AddTimeOff(therapistId, body.FirstDay, body.LastDay, body.Reason), ct);
                return TypedResults.Created($"/api/scheduling/time-off/{id}", new Created(id));
            })
            .RequireAuthorization(Policies.Manager);
        api.MapDelete("/time-off/{timeOffId:guid}", async (Guid timeOffId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RemoveTimeOff(timeOffId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);
        api.MapPost("/therapists/{therapistId:guid}/off-sick", (Guid therapistId, OffSickBody body, IMediator m, CancellationToken ct) =>
                m.Send(new TherapistOffSick(therapistId, body.Date, body.MoveToTherapistId, body.Reason), ct))
            .RequireAuthorization(Policies.FrontDesk);
        api.MapGet("/closures", async (IMediator m, CancellationToken ct) =>
                (await m.Send(new GetClosures(), ct)).Select(c => new ClosureView(c.Date, c.Name)).ToList())
            .RequireAuthorization(Policies.Staff);
        api.MapPut("/closures/{date}", async (DateOnly date, ClosureBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new SaveClosure(date, body.Name), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);
        api.MapDelete("/closures/{date}", async (DateOnly date, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RemoveClosure(date), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manager);

        // The calendar and free time.
        api.MapGet("/free-slots", (Guid serviceId, Guid? therapistId, DateOnly from, int? days, IMediator m, CancellationToken ct) =>
                m.Send(new GetFreeSlots(serviceId, therapistId, from, days ?? 7), ct))
            .RequireAuthorization(Policies.Staff);
        api.MapGet("/schedule", (DateOnly from, int? days, Guid? therapistId, IMediator m, CancellationToken ct) =>
                m.Send(new GetSchedule(from, days ?? 1, therapistId), ct))
            .RequireAuthorization(Policies.Staff);

        // Appointments.
        api.MapPost("/appointments", async (BookAppointment command, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(command, ct);
                return TypedResults.Created($"/api/scheduling/appointments/{id}", new Created(id));
            })
            .RequireAuthorization(Policies.FrontDesk);
        api.MapPost("/appointments/series/preview", (PreviewAppointmentSeries query, IMediator m, CancellationToken ct) => m.Send(query, ct))
            .RequireAuthorization(Policies.FrontDesk);
        api.MapPost("/appointments/series", (BookAppointmentSeries command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .RequireAuthorization(Policies.FrontDesk);
        api.MapPost("/holds", (HoldSlot command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .RequireAuthorization(Policies.FrontDeskOrClient);
        api.MapGet("/appointments/{appointmentId:guid}", (Guid appointmentId, IMediator m, CancellationToken ct) => m.Send(new GetAppointment(appointmentId), ct))
            .RequireAuthorization(Policies.SignedIn);
        api.MapPost("/appointments/{appointmentId:guid}/reschedule", async (Guid appointmentId, RescheduleAppointment command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command with { AppointmentId = appointmentId }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.FrontDesk);
        api.MapPost("/appointments/{appointmentId:guid}/cancel", (Guid appointmentId, CancelAppointment command, IMediator m, CancellationToken ct) =>
                m.Send(command with { AppointmentId = appointmentId }, ct))
            .RequireAuthorization(Policies.FrontDeskOrClient);
        api.MapPost("/appointments/{appointmentId:guid}/check-in", async (Guid appointmentId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new CheckInAppointment(appointmentId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff);
        api.MapPost("/appointments/{appointmentId:guid}/complete", async (Guid appointmentId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new CompleteAppointment(appointmentId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff);
        api.MapPost("/appointments/{appointmentId:guid}/no-show", async (Guid appointmentId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new MarkNoShow(appointmentId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.FrontDesk);
        // The caller's own calendar feed link (a therapist's or a client's; the handler finds whose): the answer holds
        // the link's address, which is not kept and cannot be read again. The feed itself is /calendar/{token}.ics.
        api.MapPost("/calendar-feed", async (HttpRequest http, IMediator m, CancellationToken ct) =>
            {
                var link = await m.Send(new CreateCalendarFeedLink(), ct);
                return new CalendarFeedLinkView($"{http.Scheme}://{http.Host}{http.PathBase}{link.Path}", link.CreatedAt);
            })
            .RequireAuthorization(Policies.SignedIn);
        api.MapDelete("/calendar-feed", async (IMediator m, CancellationToken ct) =>
                await m.Send(new RevokeCalendarFeedLink(), ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization(Policies.SignedIn);
        api.MapGet("/clients/{clientId:guid}/appointments", (Guid clientId, IMediator m, CancellationToken ct) => m.Send(new GetClientAppointments(clientId), ct))
            .RequireAuthorization(Policies.SignedIn);
    }

    internal sealed record Created(Guid Id);

    internal sealed record CalendarFeedLinkView(string Url, DateTime CreatedAt);

    internal sealed record RetiredBody(bool Retired);

    internal sealed record RoomBody(string? Name, bool Retired);

    internal sealed record RoomView(Guid Id, string Name, bool Retired);

    internal sealed record HoursBody(IReadOnlyList<HoursRange>? Ranges);

    internal sealed record TimeOffBody(DateOnly? FirstDay, DateOnly? LastDay, string? Reason);

    internal sealed record TimeOffView(Guid Id, DateTime StartsAt, DateTime EndsAt, string Reason);

    internal sealed record AvailabilityView(Guid TherapistId, string TherapistName, IReadOnlyList<HoursRange> Hours, IReadOnlyList<TimeOffView> TimeOff);

    internal sealed record OffSickBody(DateOnly? Date, Guid? MoveToTherapistId, string? Reason);

    internal sealed record ClosureBody(string? Name);

    internal sealed record ClosureView(DateOnly Date, string Name);
}
