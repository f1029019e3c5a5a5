using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Appointments;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Features.Seeding;

/// <summary>
/// The clinic's starting catalogue and week: the four usual services, two treatment rooms, and Monday-to-Friday hours
/// with a lunch break for each therapist who has none. Added only where nothing exists, so a clinic's own changes stay.
/// </summary>
internal sealed class SchedulingSeeds(SchedulingDbContext db, ITherapistDirectory therapists, ClinicCalendar calendar)
{
    public static readonly (string Name, int Minutes, int Buffer, bool Consultation)[] Catalogue =
    [
        ("Initial consultation and treatment", 75, 15, false),
        ("Neuromuscular therapy, 60 minutes", 60, 15, false),
        ("Neuromuscular therapy, 90 minutes", 90, 15, false),
        ("Follow-up session, 45 minutes", 45, 15, false),
    ];

    public async Task EnsureCatalogueAsync(CancellationToken cancellationToken)
    {
        var all = (await therapists.ListAsync(cancellationToken)).Select(t => t.Id).ToList();
        if (!await db.Services.AnyAsync(cancellationToken))
        {
            for (var i = 0; i < Catalogue.Length; i++)
            {
                var (name, minutes, buffer, consultation) = Catalogue[i];
                db.Services.Add(Service.Create(Guid.CreateVersion7(), new ServiceDefinition(name, minutes, buffer, consultation, true, false, true, all), i));
            }
        }

        if (!await db.Rooms.AnyAsync(cancellationToken))
        {
            db.Rooms.AddRange(new Room { Id = Guid.CreateVersion7(), Name = "Room 1" }, new Room { Id = Guid.CreateVersion7(), Name = "Room 2" });
        }

        var withHours = await db.WorkingPeriods.Select(p => p.TherapistId).Distinct().ToListAsync(cancellationToken);
        foreach (var therapistId in all.Except(withHours))
        {
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            {
                db.WorkingPeriods.Add(new WorkingPeriod { Id = Guid.CreateVersion7(), TherapistId = therapistId, Day = day, Start = new(9, 0), End = new(13, 0) });
                db.WorkingPeriods.Add(new WorkingPeriod { Id = Guid.CreateVersion7(), TherapistId = therapistId, Day = day, Start = new(14, 0), End = new(18, 0) });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An appointment for the client with the therapist on the clinic's <paramref name="date"/> at <paramref name="time"/>, unless the client has one then.</summary>
    public async Task<Guid> EnsureAppointmentAsync(Guid clientId, Guid therapistId, int serviceIndex, DateOnly date, TimeOnly time, CancellationToken cancellationToken)
    {
        var start = ClinicClock.ToUtc(date, time, calendar.TimeZone)!.Value;
        if (await db.Appointments.Where(a => a.ClientId == clientId && a.StartsAt == start).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var service = (await db.Services.Include(s => s.Therapists).OrderBy(s => s.Position).ToListAsync(cancellationToken))[serviceIndex];
        var room = await db.Rooms.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync(cancellationToken);
        var appointment = Appointment.Book(Guid.CreateVersion7(), clientId, service, therapistId, service.NeedsRoom ? room : null, start, calendar.UtcNow, null, null, null, null);
        db.Appointments.Add(appointment);
        db.EnqueueIntegrationEvent(Booking.BookedEvent(appointment, recorded: start < calendar.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        return appointment.Id;
    }

    /// <summary>
    /// A biography, a drawn avatar for a photo and the two usual credentials for a therapist who has none: a licence
    /// valid for a year and a certification expiring in <paramref name="certificationExpiresInDays"/> days.
    /// </summary>
    public async Task EnsureProfileAsync(Guid therapistId, string firstName, int certificationExpiresInDays, CancellationToken cancellationToken)
    {
        if (!await db.TherapistProfiles.AnyAsync(p => p.TherapistId == therapistId, cancellationToken))
        {
            var photo = DemoPhoto(firstName);
            db.TherapistProfiles.Add(new TherapistProfile
            {
                TherapistId = therapistId, UpdatedAt = calendar.UtcNow, Photo = photo, PhotoContentType = ProfilePhotos.ContentTypeOf(photo),
                Bio = $"{firstName} treats neuromuscular pain and sports injuries with massage and trigger-point therapy.",
            });
        }

        if (!await db.TherapistCredentials.AnyAsync(c => c.TherapistId == therapistId, cancellationToken))
        {
            var today = calendar.Today;
            db.TherapistCredentials.AddRange(
                new TherapistCredential
                {
                    Id = Guid.CreateVersion7(), TherapistId = therapistId, Kind = CredentialKind.Licence, Title = "Massage therapy licence",
                    Number = $"MT-{Random.Shared.Next(10000, 99999)}", Issuer = "State Board of Massage Therapy", ExpiresOn = today.AddYears(1),
                },
                new TherapistCredential
                {
                    Id = Guid.CreateVersion7(), TherapistId = therapistId, Kind = CredentialKind.Certification, Title = "Neuromuscular therapy certification",
                    Number = $"NMT-{Random.Shared.Next(1000, 9999)}", Issuer = "NMT Center", ExpiresOn = today.AddDays(certificationExpiresInDays),
                });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static byte[] DemoPhoto(string firstName)
    {
        using var resource = typeof(SchedulingSeeds).Assembly.GetManifestResourceStream($"DemoPhotos.{firstName.ToLowerInvariant()}.png")
            ?? throw new InvalidOperationException($"No demo photo for {firstName}.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The next weekday after today, so a seeded appointment is inside the seeded hours.</summary>
    public DateOnly NextWorkingDay(int after = 1)
    {
        var day = calendar.Today.AddDays(after);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}

/// <summary>
/// ClientA has an appointment with TherapistA on the next working day, ClientB one with TherapistB: the route value
/// <c>appointmentId</c> addresses ClientA's.
/// </summary>
internal sealed class SchedulingPersonaRecords(SchedulingSeeds seeds) : IPersonaRecords
{
    public const string AppointmentIdRouteValue = "appointmentId";

    public async Task<IReadOnlyDictionary<string, string>> SeedAsync(Personas personas, CancellationToken cancellationToken)
    {
        await seeds.EnsureCatalogueAsync(cancellationToken);
        await seeds.EnsureProfileAsync(personas.TherapistA.TherapistId!.Value, "Tara", certificationExpiresInDays: 400, cancellationToken);
        // Theo's certification lapses soon, so the manager's expiry warning shows from the start.
        await seeds.EnsureProfileAsync(personas.TherapistB.TherapistId!.Value, "Theo", certificationExpiresInDays: 20, cancellationToken);
        var day = seeds.NextWorkingDay();
        var appointmentA = await seeds.EnsureAppointmentAsync(personas.ClientA.ClientId!.Value, personas.TherapistA.TherapistId!.Value, 1, day, new(10, 0), cancellationToken);
        await seeds.EnsureAppointmentAsync(personas.ClientB.ClientId!.Value, personas.TherapistB.TherapistId!.Value, 1, day, new(11, 0), cancellationToken);
        return new Dictionary<string, string> { [AppointmentIdRouteValue] = appointmentA.ToString() };
    }
}

/// <summary>Demo mode's week: the personas' clients have visits through the coming days, so the calendar shows a clinic at work.</summary>
internal sealed class SchedulingDemoRecords(SchedulingSeeds seeds, SchedulingDbContext db) : IDemoRecords
{
    public async Task<int> SeedAsync(Personas personas, CancellationToken cancellationToken)
    {
        await seeds.EnsureCatalogueAsync(cancellationToken);
        var before = await db.Appointments.CountAsync(cancellationToken);
        var clientA = personas.ClientA.ClientId!.Value;
        var clientB = personas.ClientB.ClientId!.Value;
        var therapistA = personas.TherapistA.TherapistId!.Value;
        var therapistB = personas.TherapistB.TherapistId!.Value;
        await seeds.EnsureAppointmentAsync(clientA, therapistA, 0, seeds.NextWorkingDay(2), new(9, 30), cancellationToken);
        await seeds.EnsureAppointmentAsync(clientB, therapistB, 3, seeds.NextWorkingDay(2), new(15, 0), cancellationToken);
        await seeds.EnsureAppointmentAsync(clientA, therapistA, 2, seeds.NextWorkingDay(8), new(14, 0), cancellationToken);
        return await db.Appointments.CountAsync(cancellationToken) - before;
    }
}
