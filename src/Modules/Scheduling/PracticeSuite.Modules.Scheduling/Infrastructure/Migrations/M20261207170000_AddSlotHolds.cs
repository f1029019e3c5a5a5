using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.Scheduling.Infrastructure.Migrations;

/// <summary>Times held for a few minutes while a booking is completed online.</summary>
[DbContext(typeof(SchedulingDbContext))]
[Migration("20261207170000_AddSlotHolds")]
internal sealed class M20261207170000_AddSlotHolds : SchedulingMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var holds = Table("slot_holds");
        migrationBuilder.CreateTable(
            name: holds,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ServiceId = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                RoomId = t.Column<Guid>(nullable: true),
                ClientId = t.Column<Guid>(nullable: true),
                StartsAt = t.Column<DateTime>(nullable: false),
                EndsAt = t.Column<DateTime>(nullable: false),
                BlockedUntil = t.Column<DateTime>(nullable: false),
                ExpiresAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + holds, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{holds}_TherapistId_StartsAt", holds, ["TherapistId", "StartsAt"], Schema);
        migrationBuilder.CreateIndex($"IX_{holds}_ExpiresAt", holds, "ExpiresAt", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(Table("slot_holds"), Schema);
}
