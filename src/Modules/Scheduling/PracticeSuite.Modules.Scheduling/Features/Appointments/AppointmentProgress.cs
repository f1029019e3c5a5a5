using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Appointments;

/// <summary>The client has arrived. Refused, with the reasons, while the Clients module says they may not be treated today.</summary>
internal sealed record CheckInAppointment(Guid AppointmentId) : ICommand<AppointmentRef>, IAppointmentRequest, IAuditedRequest<AppointmentRef>
{
    public AuditSubject DescribeAudit(AppointmentRef done) => AppointmentAudit.On(AppointmentAudit.CheckedIn, done);
}

internal sealed record CompleteAppointment(Guid AppointmentId) : ICommand<AppointmentRef>, IAppointmentRequest, IAuditedRequest<AppointmentRef>
{
    public AuditSubject DescribeAudit(AppointmentRef done) => AppointmentAudit.On(AppointmentAudit.Completed, done);
}

internal sealed record MarkNoShow(Guid AppointmentId) : ICommand<AppointmentRef>, IAppointmentRequest, IAuditedRequest<AppointmentRef>
{
    public AuditSubject DescribeAudit(AppointmentRef done) => AppointmentAudit.On(AppointmentAudit.NoShow, done);
}

internal sealed class CheckInAppointmentHandler(SchedulingDbContext db, AppointmentAccess access, ClinicCalendar calendar, IMediator mediator)
    : IRequestHandler<CheckInAppointment, AppointmentRef>
{
    public async Task<AppointmentRef> Handle(CheckInAppointment request, CancellationToken cancellationToken)
    {
        var appointment = await access.GetForUpdateAsync(request.AppointmentId, cancellationToken);
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        if (!service.IsConsultation)
        {
            // Hands-on work needs the screening's go-ahead for today; a talking consultation does not.
            var eligibility = await mediator.Send(new GetTreatmentEligibility(appointment.ClientId), cancellationToken);
            if (!eligibility.MayTreatNow)
            {
                throw new BusinessRuleException("appointment.not-cleared",
                    "The client may not be treated today: " + string.Join(" ", eligibility.Blockers.Select(b => b.Message)));
            }
        }

        appointment.CheckIn(calendar.UtcNow, calendar.Today, DateOnly.FromDateTime(ClinicClock.ToLocal(appointment.StartsAt, calendar.TimeZone)));
        db.EnqueueIntegrationEvent(new AppointmentCheckedIn(appointment.Id, appointment.ClientId, appointment.TherapistId, calendar.UtcNow));
        return new AppointmentRef(appointment.Id, appointment.ClientId);
    }
}

internal sealed class CompleteAppointmentHandler(SchedulingDbContext db, AppointmentAccess access, ClinicCalendar calendar)
    : IRequestHandler<CompleteAppointment, AppointmentRef>
{
    public async Task<AppointmentRef> Handle(CompleteAppointment request, CancellationToken cancellationToken)
    {
        var appointment = await access.GetForUpdateAsync(request.AppointmentId, cancellationToken);
        appointment.Complete(calendar.UtcNow);
        db.EnqueueIntegrationEvent(new AppointmentCompleted(
            appointment.Id, appointment.ServiceId, appointment.TimedMinutes, appointment.TherapistId, appointment.ClientId, appointment.PlanId, appointment.StartsAt));
        return new AppointmentRef(appointment.Id, appointment.ClientId);
    }
}

internal sealed class MarkNoShowHandler(SchedulingDbContext db, AppointmentAccess access, ClinicCalendar calendar)
    : IRequestHandler<MarkNoShow, AppointmentRef>
{
    public async Task<AppointmentRef> Handle(MarkNoShow request, CancellationToken cancellationToken)
    {
        var appointment = await access.GetForUpdateAsync(request.AppointmentId, cancellationToken);
        appointment.MarkNoShow(calendar.UtcNow);
        db.EnqueueIntegrationEvent(new AppointmentNoShow(appointment.Id, appointment.ClientId, appointment.TherapistId, appointment.ServiceId, appointment.StartsAt));
        return new AppointmentRef(appointment.Id, appointment.ClientId);
    }
}
