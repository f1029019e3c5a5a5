using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Appointments;

internal sealed class CancelAppointmentValidator : AbstractValidator<CancelAppointment>
{
    public CancelAppointmentValidator(ICurrentUser caller)
    {
        // The clinic says why (the client is told); a client cancelling their own appointment need not.
        RuleFor(c => c.Reason).NotEmpty().When(_ => caller.Role != PracticeRole.Client).WithMessage("Say why the appointment is cancelled: the client is told.");
        RuleFor(c => c.Reason).MaximumLength(SchedulingDbContext.TextLength);
    }
}

internal sealed class CancelAppointmentHandler(
    SchedulingDbContext db, AppointmentAccess access, ClinicCalendar calendar, SchedulingOptions options, AppointmentMessages messages, IMediator mediator)
    : IRequestHandler<CancelAppointment, CancellationOutcome>
{
    public async Task<CancellationOutcome> Handle(CancelAppointment request, CancellationToken cancellationToken)
    {
        var appointment = await access.GetForUpdateAsync(request.AppointmentId, cancellationToken);
        var by = access.IsClient ? CancelledBy.Client : CancelledBy.Clinic;
        if (by == CancelledBy.Client && appointment.StartsAt <= calendar.UtcNow)
        {
            throw new BusinessRuleException("appointment.started", "This appointment has started: call the clinic.");
        }

        var late = appointment.Cancel(by, request.Reason, calendar.UtcNow, options.LateCancellationWindow);
        db.EnqueueIntegrationEvent(Booking.CancelledEvent(appointment, late, by));
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == appointment.ServiceId, cancellationToken);
        var client = await mediator.Send(new GetClientSummary(appointment.ClientId), cancellationToken);
        await messages.CancelledAsync(appointment, service, client, cancellationToken);
        return new CancellationOutcome(appointment.Id, appointment.ClientId, late, by);
    }
}
