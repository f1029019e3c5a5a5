using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.Scheduling.Infrastructure.Migrations;

[DbContext(typeof(SchedulingDbContext))]
[Migration("20261207160000_CreateScheduling")]
internal sealed class M20261207160000_CreateScheduling : SchedulingMigration
{
    private static readonly string[] Tables =
        ["appointment_changes", "appointments", "closures", "time_off", "working_periods", "rooms", "service_therapists", "services"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        EnsureModuleSchema(migrationBuilder);
        CreateMessagingTables(migrationBuilder);

        var services = Table("services");
        migrationBuilder.CreateTable(
            name: services,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                DurationMinutes = t.Column<int>(nullable: false),
                BufferAfterMinutes = t.Column<int>(nullable: false),
                IsConsultation = t.Column<bool>(nullable: false),
                OnlineBooking = t.Column<bool>(nullable: false),
                NeedsApproval = t.Column<bool>(nullable: false),
                NeedsRoom = t.Column<bool>(nullable: false),
                Retired = t.Column<bool>(nullable: false),
                Position = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + services, x => x.Id));

        var offered = Table("service_therapists");
        migrationBuilder.CreateTable(
            name: offered,
            schema: Schema,
            columns: t => new
            {
                ServiceId = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + offered, x => new { x.ServiceId, x.TherapistId });
                t.ForeignKey($"FK_{offered}_{services}_ServiceId", x => x.ServiceId, services, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });

        var rooms = Table("rooms");
        migrationBuilder.CreateTable(
            name: rooms,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Retired = t.Column<bool>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + rooms, x => x.Id));

        var periods = Table("working_periods");
        migrationBuilder.CreateTable(
            name: periods,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                Day = t.Column<int>(nullable: false),
                Start = t.Column<TimeOnly>(nullable: false),
                End = t.Column<TimeOnly>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + periods, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{periods}_TherapistId", periods, "TherapistId", Schema);

        var timeOff = Table("time_off");
        migrationBuilder.CreateTable(
            name: timeOff,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                StartsAt = t.Column<DateTime>(nullable: false),
                EndsAt = t.Column<DateTime>(nullable: false),
                Reason = t.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + timeOff, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{timeOff}_TherapistId_StartsAt", timeOff, ["TherapistId", "StartsAt"], Schema);

        var closures = Table("closures");
        migrationBuilder.CreateTable(
            name: closures,
            schema: Schema,
            columns: t => new
            {
                Date = t.Column<DateOnly>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + closures, x => x.Date));

        var appointments = Table("appointments");
        migrationBuilder.CreateTable(
            name: appointments,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                ServiceId = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                RoomId = t.Column<Guid>(nullable: true),
                StartsAt = t.Column<DateTime>(nullable: false),
                EndsAt = t.Column<DateTime>(nullable: false),
                BlockedUntil = t.Column<DateTime>(nullable: false),
                Status = t.Column<string>(maxLength: 40, nullable: false),
                SeriesId = t.Column<Guid>(nullable: true),
                PlanId = t.Column<Guid>(nullable: true),
                RequestId = t.Column<Guid>(nullable: true),
                OutsideHoursReason = t.Column<string>(maxLength: 500, nullable: true),
                BookedAt = t.Column<DateTime>(nullable: false),
                CheckedInAt = t.Column<DateTime>(nullable: true),
                CompletedAt = t.Column<DateTime>(nullable: true),
                CancelledAt = t.Column<DateTime>(nullable: true),
                CancelledBy = t.Column<string>(maxLength: 40, nullable: true),
                LateCancellation = t.Column<bool>(nullable: false),
                CancelReason = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + appointments, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{appointments}_TherapistId_StartsAt", appointments, ["TherapistId", "StartsAt"], Schema);
        migrationBuilder.CreateIndex($"IX_{appointments}_RoomId_StartsAt", appointments, ["RoomId", "StartsAt"], Schema);
        migrationBuilder.CreateIndex($"IX_{appointments}_ClientId_StartsAt", appointments, ["ClientId", "StartsAt"], Schema);
        migrationBuilder.CreateIndex($"IX_{appointments}_StartsAt", appointments, "StartsAt", Schema);
        migrationBuilder.CreateIndex($"IX_{appointments}_RequestId", appointments, "RequestId", Schema, unique: true);

        var changes = Table("appointment_changes");
        migrationBuilder.CreateTable(
            name: changes,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                AppointmentId = t.Column<Guid>(nullable: false),
                At = t.Column<DateTime>(nullable: false),
                By = t.Column<string>(maxLength: 100, nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                PreviousStartsAt = t.Column<DateTime>(nullable: false),
                PreviousTherapistId = t.Column<Guid>(nullable: false),
                StartsAt = t.Column<DateTime>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + changes, x => x.Id);
                t.ForeignKey($"FK_{changes}_{appointments}_AppointmentId", x => x.AppointmentId, appointments, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{changes}_AppointmentId", changes, "AppointmentId", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropTable(Table(table), Schema);
        }
    }
}
