using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Appointments;

/// <summary>
/// A therapist is off sick on <see cref="Date"/>: the day becomes time off, and every booked appointment that day moves
/// to <see cref="MoveToTherapistId"/> (all or none: the refusal names those the colleague cannot take) or, without a
/// colleague, is cancelled by the clinic. Each client is told by e-mail.
/// </summary>
internal sealed record TherapistOffSick(Guid TherapistId, DateOnly? Date, Guid? MoveToTherapistId, string? Reason) : ICommand<OffSickOutcome>, IAuditedRequest<OffSickOutcome>
{
    public static readonly AuditAction OffSickRecorded = new("scheduling.therapist.off-sick", AuditKind.Change, "Cleared a therapist's day (off sick)");

    public AuditSubject DescribeAudit(OffSickOutcome outcome) => new(OffSickRecorded, "TherapistDay", $"{TherapistId}:{Date:yyyy-MM-dd}", null);
}

internal sealed record OffSickOutcome(int Moved, int Cancelled);

internal sealed class TherapistOffSickValidator : AbstractValidator<TherapistOffSick>
{
    public TherapistOffSickValidator()
    {
        RuleFor(c => c.Date).NotNull().WithMessage("Enter the day.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say what clients should be told, e.g. \"Your therapist is unwell\".").MaximumLength(SchedulingDbContext.TextLength);
        RuleFor(c => c.MoveToTherapistId).NotEqual(c => c.TherapistId).When(c => c.MoveToTherapistId is not null).WithMessage("Choose a colleague, not the same therapist.");
    }
}

internal sealed class TherapistOffSickHandler(
    SchedulingDbContext db, SlotRules rules, ClinicCalendar calendar, SchedulingOptions options, AppointmentMessages messages, AppointmentAccess access,
    ITherapistDirectory therapists, IMediator mediator)
    : IRequestHandler<TherapistOffSick, OffSickOutcome>
{
    public async Task<OffSickOutcome> Handle(TherapistOffSick request, CancellationToken cancellationToken)
    {
        _ = await therapists.FindAsync(request.TherapistId, cancellationToken) ?? throw new NotFoundException("Therapist", request.TherapistId);
        var (dayStart, dayEnd) = ClinicClock.DayBounds(request.Date!.Value, calendar.TimeZone);
        var appointments = await db.Appointments.Include(a => a.Changes)
            .Where(a => a.TherapistId == request.TherapistId && a.StartsAt >= dayStart && a.StartsAt < dayEnd && a.Status == AppointmentStatus.Booked)
            .OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        var services = await db.Services.Include(s => s.Therapists).ToDictionaryAsync(s => s.Id, cancellationToken);

        if (request.MoveToTherapistId is { } colleague)
        {
            await MoveAllAsync(appointments, services, colleague, cancellationToken);
        }
        else
        {
            foreach (var appointment in appointments)
            {
                var late = appointment.Cancel(CancelledBy.Clinic, request.Reason, calendar.UtcNow, options.LateCancellationWindow);
                db.EnqueueIntegrationEvent(Booking.CancelledEvent(appointment, late, CancelledBy.Clinic));
                var client = await mediator.Send(new GetClientSummary(appointment.ClientId), cancellationToken);
                await messages.CancelledAsync(appointment, services[appointment.ServiceId], client, cancellationToken);
            }
        }

        db.TimeOff.Add(new TimeOff { Id = Guid.CreateVersion7(), TherapistId = request.TherapistId, StartsAt = dayStart, EndsAt = dayEnd, Reason = request.Reason!.Trim() });
        return request.MoveToTherapistId is null ? new OffSickOutcome(0, appointments.Count) : new OffSickOutcome(appointments.Count, 0);
    }

    private async Task MoveAllAsync(List<Appointment> appointments, Dictionary<Guid, Service> services, Guid colleague, CancellationToken cancellationToken)
    {
        var summary = await therapists.FindAsync(colleague, cancellationToken);
        if (summary is not { MayBeBooked: true })
        {
            throw RequestValidationException.For("MoveToTherapistId", "Choose a colleague who can be booked.");
        }

        await ResourceLocks.AcquireAsync(db, appointments.SelectMany(a => Booking.LockedResources(colleague, a.ClientId, services[a.ServiceId])), cancellationToken);
        var refused = new List<string>();
        foreach (var appointment in appointments)
        {
            var service = services[appointment.ServiceId];
            var slot = new Slot(appointment.ClientId, service, colleague, appointment.RoomId, appointment.StartsAt);
            var problems = !service.IsOfferedBy(colleague) ? [$"{summary.DisplayName} does not offer {service.Name}"] : await rules.ConflictsAsync(slot, appointment.Id, cancellationToken);
            if (problems.Count > 0)
            {
                refused.Add($"{calendar.ForReader(appointment.StartsAt, null)}: {string.Join(" ", problems).TrimEnd('.')}");
            }
        }

        if (refused.Count > 0)
        {
            throw new BusinessRuleException("off-sick.cannot-move", $"Nothing was changed: {summary.DisplayName} cannot take {refused.Count} of the appointments ({string.Join("; ", refused)}). Choose another colleague or cancel the day.");
        }

        foreach (var appointment in appointments)
        {
            var previousTherapist = appointment.TherapistId;
            appointment.Reschedule(services[appointment.ServiceId], colleague, appointment.RoomId, appointment.StartsAt, calendar.UtcNow, appointment.OutsideHoursReason, access.Who);
            db.EnqueueIntegrationEvent(new AppointmentRescheduled(appointment.Id, appointment.ClientId, colleague, previousTherapist, appointment.StartsAt, appointment.EndsAt, appointment.StartsAt));
            var client = await mediator.Send(new GetClientSummary(appointment.ClientId), cancellationToken);
            await messages.MovedAsync(appointment, services[appointment.ServiceId], client, appointment.StartsAt, cancellationToken);
        }
    }
}
