using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Appointments;

internal sealed class GetAppointmentHandler(AppointmentAccess access, AppointmentViews views) : IRequestHandler<GetAppointment, AppointmentView>
{
    public async Task<AppointmentView> Handle(GetAppointment request, CancellationToken cancellationToken)
    {
        var appointment = await access.Visible().AsNoTracking().Include(a => a.Changes).SingleOrDefaultAsync(a => a.Id == request.AppointmentId, cancellationToken)
            ?? throw new NotFoundException("Appointment", request.AppointmentId);
        return (await views.DescribeAsync([appointment], cancellationToken))[0];
    }
}

internal sealed class GetClientAppointmentsHandler(SchedulingDbContext db, AppointmentViews views, ClinicCalendar calendar)
    : IRequestHandler<GetClientAppointments, ClientAppointments>
{
    public async Task<ClientAppointments> Handle(GetClientAppointments request, CancellationToken cancellationToken)
    {
        // The Clients module's access check has let the caller see this client; a therapist sees all the client's visits.
        var appointments = await db.Appointments.AsNoTracking().Include(a => a.Changes)
            .Where(a => a.ClientId == request.ClientId).OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        var described = await views.DescribeAsync(appointments, cancellationToken);
        var now = calendar.UtcNow;
        return new ClientAppointments(
            request.ClientId,
            described.Where(a => a.EndsAt > now && a.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn).ToList(),
            described.Where(a => !(a.EndsAt > now && a.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn)).Reverse().ToList());
    }
}

/// <summary>Appointments as other modules and the pages read them: names of the service, therapist and room, and the history in words.</summary>
internal sealed class AppointmentViews(SchedulingDbContext db, ITherapistDirectory therapists, ClinicCalendar calendar, SchedulingOptions options)
{
    public async Task<IReadOnlyList<AppointmentView>> DescribeAsync(IReadOnlyList<Appointment> appointments, CancellationToken cancellationToken)
    {
        if (appointments.Count == 0)
        {
            return [];
        }

        var serviceNames = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var roomNames = await db.Rooms.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var therapistNames = (await therapists.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.DisplayName);
        string TherapistName(Guid id) => therapistNames.GetValueOrDefault(id, "A former therapist");

        return appointments.Select(a => new AppointmentView(
            a.Id, a.ClientId, a.TherapistId, TherapistName(a.TherapistId), a.ServiceId, serviceNames.GetValueOrDefault(a.ServiceId, "A former service"),
            a.RoomId, a.RoomId is { } room ? roomNames.GetValueOrDefault(room) : null, a.StartsAt, a.EndsAt, a.Status, a.SeriesId, a.PlanId,
            a.OutsideHoursReason, a.CancelledBy, a.LateCancellation, a.CancelReason, a.StartsAt - options.LateCancellationWindow,
            a.Changes.OrderBy(c => c.At).Select(c => new AppointmentChangeView(c.At,
                $"{c.By} moved it from {calendar.ForReader(c.PreviousStartsAt, null)}" +
                (c.PreviousTherapistId != c.TherapistId ? $" with {TherapistName(c.PreviousTherapistId)}" : ""))).ToList()))
            .ToList();
    }
}
