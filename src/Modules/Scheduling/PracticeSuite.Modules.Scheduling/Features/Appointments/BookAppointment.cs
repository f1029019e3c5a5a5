using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Appointments;

internal sealed class BookAppointmentValidator : AbstractValidator<BookAppointment>
{
    public BookAppointmentValidator()
    {
        RuleFor(c => c.ServiceId).NotEmpty().WithMessage("Choose a service.");
        RuleFor(c => c.TherapistId).NotEmpty().WithMessage("Choose a therapist.");
        RuleFor(c => c.Date).NotNull().WithMessage("Enter the date.");
        RuleFor(c => c.Time).NotNull().WithMessage("Enter the time.");
        RuleFor(c => c.OutsideHoursReason).MaximumLength(SchedulingDbContext.TextLength);
    }
}

internal sealed class BookAppointmentHandler(
    SchedulingDbContext db, SlotRules rules, AppointmentAccess access, ClinicCalendar calendar, AppointmentMessages messages, IMediator mediator)
    : IRequestHandler<BookAppointment, Guid>
{
    public async Task<Guid> Handle(BookAppointment request, CancellationToken cancellationToken)
    {
        var client = await Booking.BookableClientAsync(mediator, request.ClientId, cancellationToken);
        var service = await rules.BookableServiceAsync(request.ServiceId, request.TherapistId, cancellationToken);
        var start = rules.StartOf(request.Date!.Value, request.Time!.Value);

        await ResourceLocks.AcquireAsync(db, Booking.LockedResources(request.TherapistId, request.ClientId, service), cancellationToken);
        if (request.RequestId is { } requestId &&
            await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.RequestId == requestId, cancellationToken) is { } earlier)
        {
            // The same form sent twice: the first booking stands and is the answer.
            return earlier.ClientId == request.ClientId ? earlier.Id : throw RequestValidationException.For("RequestId", "This form was already used for another booking.");
        }

        var hold = await HoldSlotHandler.UsableHoldAsync(db, request, start, calendar.UtcNow, cancellationToken);
        var slot = new Slot(request.ClientId, service, request.TherapistId, request.RoomId ?? hold?.RoomId, start);
        slot = slot with { RoomId = await rules.RoomForAsync(slot, null, cancellationToken, hold?.Id) };
        var outsideHours = await rules.EnsureBookableAsync(slot, request.OutsideHoursReason, !access.IsClient, null, cancellationToken, hold?.Id);

        var appointment = Appointment.Book(
            Guid.CreateVersion7(), request.ClientId, service, request.TherapistId, slot.RoomId, start, calendar.UtcNow, outsideHours, null, request.PlanId, request.RequestId);
        db.Appointments.Add(appointment);
        var recorded = start < calendar.UtcNow;
        db.EnqueueIntegrationEvent(Booking.BookedEvent(appointment, recorded));
        if (!recorded)
        {
            await messages.BookedAsync(appointment, service, client, cancellationToken);
        }

        return appointment.Id;
    }
}

/// <summary>What booking one appointment and booking a series share.</summary>
internal static class Booking
{
    /// <summary>One key stands for every room: a booking that picks a free room must not race another picking the same one.</summary>
    private static readonly Guid AllRooms = new("5c4e1d7a-0000-4000-8000-000000000001");

    public static async Task<ClientSummary> BookableClientAsync(IMediator mediator, Guid clientId, CancellationToken cancellationToken)
    {
        var client = await mediator.Send(new GetClientSummary(clientId), cancellationToken);
        if (client.Archived || client.Erased)
        {
            throw new BusinessRuleException("client.archived", "This client's record is archived: restore it before booking.");
        }

        return client;
    }

    public static IEnumerable<Guid> LockedResources(Guid therapistId, Guid clientId, Service service) =>
        service.NeedsRoom ? [therapistId, clientId, AllRooms] : [therapistId, clientId];

    public static AppointmentBooked BookedEvent(Appointment a, bool recorded) =>
        new(a.Id, a.ClientId, a.TherapistId, a.ServiceId, a.StartsAt, a.EndsAt, a.SeriesId, a.PlanId, recorded);

    /// <summary>The event every cancellation sends, whoever cancels (the client, the front desk, an off-sick day, an erasure).</summary>
    public static AppointmentCancelled CancelledEvent(Appointment a, bool late, CancelledBy by) =>
        new(a.Id, a.ClientId, a.TherapistId, a.ServiceId, a.StartsAt, late, by);
}
