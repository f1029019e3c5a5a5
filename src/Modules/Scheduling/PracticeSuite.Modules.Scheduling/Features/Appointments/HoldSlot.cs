using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Appointments;

internal sealed class HoldSlotValidator : AbstractValidator<HoldSlot>
{
    public HoldSlotValidator()
    {
        RuleFor(c => c.ServiceId).NotEmpty().WithMessage("Choose a service.");
        RuleFor(c => c.TherapistId).NotEmpty().WithMessage("Choose a therapist.");
        RuleFor(c => c.Date).NotNull().WithMessage("Choose the date.");
        RuleFor(c => c.Time).NotNull().WithMessage("Choose the time.");
    }
}

/// <summary>
/// Holds a time as online booking offers it: the future, inside working hours, free of appointments and other live
/// holds. Expired holds are swept here, so the table stays small without a job.
/// </summary>
internal sealed class HoldSlotHandler(SchedulingDbContext db, SlotRules rules, ClinicCalendar calendar, ICurrentUser caller) : IRequestHandler<HoldSlot, SlotHold>
{
    public async Task<SlotHold> Handle(HoldSlot request, CancellationToken cancellationToken)
    {
        if (!caller.IsSystem && caller.Role == PracticeRole.Client)
        {
            request = request with { ClientId = caller.ClientId }; // a client holds a time for themself only
        }

        var service = await rules.BookableServiceAsync(request.ServiceId, request.TherapistId, cancellationToken);
        var start = rules.StartOf(request.Date!.Value, request.Time!.Value);
        var clientId = request.ClientId ?? Guid.Empty;
        await ResourceLocks.AcquireAsync(db, Booking.LockedResources(request.TherapistId, clientId, service), cancellationToken);

        var now = calendar.UtcNow;
        await db.SlotHolds.Where(h => h.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var slot = new Slot(clientId, service, request.TherapistId, null, start);
        slot = slot with { RoomId = await rules.RoomForAsync(slot, null, cancellationToken) };
        await rules.EnsureBookableAsync(slot, null, byStaff: false, null, cancellationToken);

        var hold = new SlotHoldRecord
        {
            Id = Guid.CreateVersion7(),
            ServiceId = service.Id,
            TherapistId = request.TherapistId,
            RoomId = slot.RoomId,
            ClientId = request.ClientId,
            StartsAt = start,
            EndsAt = slot.EndsAt,
            BlockedUntil = slot.BlockedUntil,
            ExpiresAt = now + SlotHoldRecord.Lifetime,
        };
        db.SlotHolds.Add(hold);
        return new SlotHold(hold.Id, hold.StartsAt, hold.EndsAt, hold.ExpiresAt);
    }

    /// <summary>The live hold a booking names, checked against what is booked; null when it has expired (the booking then competes like any other).</summary>
    public static async Task<SlotHoldRecord?> UsableHoldAsync(SchedulingDbContext db, BookAppointment request, DateTime start, DateTime now, CancellationToken cancellationToken)
    {
        if (request.HoldId is not { } holdId || await db.SlotHolds.SingleOrDefaultAsync(h => h.Id == holdId, cancellationToken) is not { } hold)
        {
            return null;
        }

        if (hold.TherapistId != request.TherapistId || hold.ServiceId != request.ServiceId || hold.StartsAt != start
            || (hold.ClientId is { } holder && holder != request.ClientId))
        {
            throw RequestValidationException.For("HoldId", "The time held is not the time being booked: choose the time again.");
        }

        db.SlotHolds.Remove(hold); // the booking takes its place, or the expired hold goes
        return hold.IsLiveAt(now) ? hold : null;
    }
}
