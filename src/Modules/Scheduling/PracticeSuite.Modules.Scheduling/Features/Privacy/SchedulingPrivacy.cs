using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Appointments;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Privacy;

/// <summary>The client's appointments in their data export: when, what, with whom, and what became of each.</summary>
internal sealed class SchedulingPersonalData(SchedulingDbContext db, ITherapistDirectory therapists, ClinicCalendar calendar) : IPersonalDataSection
{
    public string SectionName => "Appointments";

    public async Task<object?> ExportAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var appointments = await db.Appointments.AsNoTracking().Include(a => a.Changes).Where(a => a.ClientId == clientId).OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        if (appointments.Count == 0)
        {
            return null;
        }

        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var names = (await therapists.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.DisplayName);
        return appointments.Select(a => new
        {
            a.Id,
            Service = services.GetValueOrDefault(a.ServiceId),
            Therapist = names.GetValueOrDefault(a.TherapistId),
            Starts = calendar.ForReader(a.StartsAt, null),
            a.StartsAt,
            a.EndsAt,
            Status = a.Status.ToString(),
            CancelledBy = a.CancelledBy?.ToString(),
            a.LateCancellation,
            a.CancelReason,
            Moves = a.Changes.OrderBy(c => c.At).Select(c => new { c.At, c.PreviousStartsAt, c.StartsAt }).ToList(),
        }).ToList();
    }
}

/// <summary>
/// Erasure: appointments yet to come are cancelled without a fee or a message, and the free text of every appointment
/// (reasons typed by staff or the client) is removed, and so are the client's calendar feed links. The visits themselves
/// stay, by id only, for the clinic's records.
/// </summary>
internal sealed class ForgetErasedClient(SchedulingDbContext db, ClinicCalendar calendar, ErasureCheckpoint checkpoint) : IIntegrationEventHandler<ClientErased>
{
    public async Task HandleAsync(ClientErased integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var appointments = await db.Appointments.Where(a => a.ClientId == integrationEvent.ClientId).ToListAsync(cancellationToken);
        foreach (var appointment in appointments)
        {
            if (appointment.Status == AppointmentStatus.Booked && appointment.StartsAt > calendar.UtcNow)
            {
                appointment.Cancel(CancelledBy.Clinic, null, calendar.UtcNow, TimeSpan.Zero);
                db.EnqueueIntegrationEvent(Booking.CancelledEvent(appointment, late: false, CancelledBy.Clinic));
            }

            appointment.ForgetText();
        }

        // The client's calendar feed links go: an erased client's appointments are nobody's to read.
        db.CalendarFeedLinks.RemoveRange(await db.CalendarFeedLinks
            .Where(l => l.OwnerKind == FeedOwnerKind.Client && l.OwnerId == integrationEvent.ClientId).ToListAsync(cancellationToken));

        checkpoint.AfterCommit(); // the removed text leaves SQLite's write-ahead log too (ADR 0018)
    }
}
