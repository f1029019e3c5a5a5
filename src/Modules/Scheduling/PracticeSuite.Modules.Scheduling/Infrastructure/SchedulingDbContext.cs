using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Infrastructure.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Scheduling.Infrastructure;

internal sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : ModuleDbContext(options, SchedulingMigration.Module)
{
    public const int NameLength = 100;
    public const int TextLength = 500;
    public const int EnumLength = 40;

    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServiceTherapist> ServiceTherapists => Set<ServiceTherapist>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<WorkingPeriod> WorkingPeriods => Set<WorkingPeriod>();
    public DbSet<TimeOff> TimeOff => Set<TimeOff>();
    public DbSet<ClinicClosure> Closures => Set<ClinicClosure>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentChange> AppointmentChanges => Set<AppointmentChange>();
    public DbSet<CalendarFeedLink> CalendarFeedLinks => Set<CalendarFeedLink>();
    public DbSet<SlotHoldRecord> SlotHolds => Set<SlotHoldRecord>();
    public DbSet<TherapistProfile> TherapistProfiles => Set<TherapistProfile>();
    public DbSet<TherapistCredential> TherapistCredentials => Set<TherapistCredential>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Service>(service =>
        {
            service.ToTable("services");
            service.HasKey(s => s.Id);
            service.Property(s => s.Id).ValueGeneratedNever();
            service.Property(s => s.Name).HasMaxLength(NameLength);
            service.HasMany(s => s.Therapists).WithOne().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
            service.Navigation(s => s.Therapists).HasField("_therapists");
        });
        modelBuilder.Entity<ServiceTherapist>(offered =>
        {
            offered.ToTable("service_therapists");
            offered.HasKey(t => new { t.ServiceId, t.TherapistId });
        });
        modelBuilder.Entity<Room>(room =>
        {
            room.ToTable("rooms");
            room.HasKey(r => r.Id);
            room.Property(r => r.Id).ValueGeneratedNever();
            room.Property(r => r.Name).HasMaxLength(NameLength);
        });
        modelBuilder.Entity<WorkingPeriod>(period =>
        {
            period.ToTable("working_periods");
            period.HasKey(p => p.Id);
            period.Property(p => p.Id).ValueGeneratedNever();
            period.Property(p => p.Day).HasConversion<int>();
            period.HasIndex(p => p.TherapistId);
        });
        modelBuilder.Entity<TimeOff>(off =>
        {
            off.ToTable("time_off");
            off.HasKey(t => t.Id);
            off.Property(t => t.Id).ValueGeneratedNever();
            off.Property(t => t.Reason).HasMaxLength(TextLength);
            off.HasIndex(t => new { t.TherapistId, t.StartsAt });
        });
        modelBuilder.Entity<ClinicClosure>(closure =>
        {
            closure.ToTable("closures");
            closure.HasKey(c => c.Date);
            closure.Property(c => c.Name).HasMaxLength(NameLength);
        });
        modelBuilder.Entity<Appointment>(appointment =>
        {
            appointment.ToTable("appointments");
            appointment.HasKey(a => a.Id);
            appointment.Property(a => a.Id).ValueGeneratedNever();
            appointment.Property(a => a.Status).HasConversion<string>().HasMaxLength(EnumLength);
            appointment.Property(a => a.CancelledBy).HasConversion<string>().HasMaxLength(EnumLength);
            appointment.Property(a => a.OutsideHoursReason).HasMaxLength(TextLength);
            appointment.Property(a => a.CancelReason).HasMaxLength(TextLength);
            // The conflict check's three probes: a therapist's, a room's and a client's appointments around a time.
            appointment.HasIndex(a => new { a.TherapistId, a.StartsAt });
            appointment.HasIndex(a => new { a.RoomId, a.StartsAt });
            appointment.HasIndex(a => new { a.ClientId, a.StartsAt });
            appointment.HasIndex(a => a.StartsAt); // the day view
            appointment.HasIndex(a => a.RequestId).IsUnique(); // a form submitted twice books once
            appointment.HasMany(a => a.Changes).WithOne().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
            appointment.Navigation(a => a.Changes).HasField("_changes");
            appointment.Ignore(a => a.TimedMinutes);
            appointment.Ignore(a => a.HoldsTime);
        });
        modelBuilder.Entity<SlotHoldRecord>(hold =>
        {
            hold.ToTable("slot_holds");
            hold.HasKey(h => h.Id);
            hold.Property(h => h.Id).ValueGeneratedNever();
            hold.HasIndex(h => new { h.TherapistId, h.StartsAt });
            hold.HasIndex(h => h.ExpiresAt); // sweeping expired holds
        });
        modelBuilder.Entity<AppointmentChange>(change =>
        {
            change.ToTable("appointment_changes");
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.By).HasMaxLength(NameLength);
            change.Property(c => c.Kind).HasMaxLength(EnumLength);
        });
        modelBuilder.Entity<CalendarFeedLink>(link =>
        {
            link.ToTable("calendar_feed_links");
            link.HasKey(l => l.Id);
            link.Property(l => l.Id).ValueGeneratedNever();
            link.Property(l => l.OwnerKind).HasConversion<string>().HasMaxLength(EnumLength);
            link.Property(l => l.TokenHash).HasMaxLength(CalendarFeedLink.HashLength);
            link.HasIndex(l => l.TokenHash).IsUnique(); // the feed's one lookup
            link.HasIndex(l => new { l.OwnerKind, l.OwnerId }); // a person's links, to replace or revoke them
            link.Ignore(l => l.IsLive);
        });
        modelBuilder.Entity<TherapistProfile>(profile =>
        {
            profile.ToTable("therapist_profiles");
            profile.HasKey(p => p.TherapistId);
            profile.Property(p => p.TherapistId).ValueGeneratedNever();
            profile.Property(p => p.Bio).HasMaxLength(TherapistProfile.MaxBioLength);
            profile.Property(p => p.PhotoContentType).HasMaxLength(EnumLength);
        });
        modelBuilder.Entity<TherapistCredential>(credential =>
        {
            credential.ToTable("therapist_credentials");
            credential.HasKey(c => c.Id);
            credential.Property(c => c.Id).ValueGeneratedNever();
            credential.Property(c => c.Kind).HasConversion<string>().HasMaxLength(EnumLength);
            credential.Property(c => c.Title).HasMaxLength(TherapistCredential.TitleLength);
            credential.Property(c => c.Number).HasMaxLength(TherapistCredential.NumberLength);
            credential.Property(c => c.Issuer).HasMaxLength(TherapistCredential.TitleLength);
            credential.HasIndex(c => c.TherapistId);
            credential.HasIndex(c => c.ExpiresOn); // the managers' warnings
        });
    }
}
