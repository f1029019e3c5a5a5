using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.Scheduling.Infrastructure.Migrations;

/// <summary>Calendar feed links: per therapist or client, the hash of a secret token and when it was made and revoked.</summary>
[DbContext(typeof(SchedulingDbContext))]
[Migration("20261207180000_CreateCalendarFeedLinks")]
internal sealed class M20261207180000_CreateCalendarFeedLinks : SchedulingMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var links = Table("calendar_feed_links");
        migrationBuilder.CreateTable(
            name: links,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OwnerKind = t.Column<string>(maxLength: 40, nullable: false),
                OwnerId = t.Column<Guid>(nullable: false),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                RevokedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + links, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{links}_TokenHash", links, "TokenHash", Schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{links}_OwnerKind_OwnerId", links, ["OwnerKind", "OwnerId"], Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(Table("calendar_feed_links"), Schema);
}
