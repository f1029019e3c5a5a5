using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Appointments;

internal sealed class RescheduleAppointmentValidator : AbstractValidator<RescheduleAppointment>
{
    public RescheduleAppointmentValidator()
    {
        RuleFor(c => c.Date).NotNull().WithMessage("Enter the new date.");
        RuleFor(c => c.Time).NotNull().WithMessage("Enter the new time.");
        RuleFor(c => c.OutsideHoursReason).MaximumLength(SchedulingDbContext.TextLength);
    }
}

internal sealed class RescheduleAppointmentHandler(
    SchedulingDbContext db, SlotRules rules, AppointmentAccess access, ClinicCalendar calendar, AppointmentMessages messages, IMediator mediator)
    : IRequestHandler<RescheduleAppointment, AppointmentRef>
{
    public async Task<AppointmentRef> Handle(RescheduleAppointment request, CancellationToken cancellationToken)
    {
        var appointment = await access.GetForUpdateAsync(request.AppointmentId, cancellationToken);
        var therapistId = request.TherapistId ?? appointment.TherapistId;
        var service = await db.Services.Include(s => s.Therapists).SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        if (therapistId != appointment.TherapistId)
        {
            service = await rules.BookableServiceAsync(service.Id, therapistId, cancellationToken);
        }

        var start = rules.StartOf(request.Date!.Value, request.Time!.Value);
        if (access.IsClient && appointment.StartsAt <= calendar.UtcNow)
        {
            throw new BusinessRuleException("appointment.started", "This appointment has started: call the clinic to change it.");
        }

        await ResourceLocks.AcquireAsync(db, Booking.LockedResources(therapistId, appointment.ClientId, service), cancellationToken);
        var slot = new Slot(appointment.ClientId, service, therapistId, request.RoomId ?? (request.TherapistId is null ? appointment.RoomId : null), start);
        slot = slot with { RoomId = await RoomAsync(slot, appointment.Id, cancellationToken) };
        var outsideHours = await rules.EnsureBookableAsync(slot, request.OutsideHoursReason, !access.IsClient, appointment.Id, cancellationToken);

        var previousStart = appointment.StartsAt;
        var previousTherapist = appointment.TherapistId;
        appointment.Reschedule(service, therapistId, slot.RoomId, start, calendar.UtcNow, outsideHours, access.Who);
        db.EnqueueIntegrationEvent(new AppointmentRescheduled(
            appointment.Id, appointment.ClientId, appointment.TherapistId, previousTherapist, appointment.StartsAt, appointment.EndsAt, previousStart));
        var client = await mediator.Send(new GetClientSummary(appointment.ClientId), cancellationToken);
        await messages.MovedAsync(appointment, service, client, previousStart, cancellationToken);
        return new AppointmentRef(appointment.Id, appointment.ClientId);
    }

    private async Task<Guid?> RoomAsync(Slot slot, Guid appointmentId, CancellationToken cancellationToken)
    {
        // The room it had stays when free; otherwise another free room is found.
        if (slot.RoomId is { } kept && slot.Service.NeedsRoom
            && (await rules.ConflictsAsync(slot, appointmentId, cancellationToken)).All(c => !c.Contains("room", StringComparison.Ordinal)))
        {
            return kept;
        }

        return await rules.RoomForAsync(slot with { RoomId = null }, appointmentId, cancellationToken);
    }
}
