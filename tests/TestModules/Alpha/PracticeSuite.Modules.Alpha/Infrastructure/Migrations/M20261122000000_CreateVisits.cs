using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.Alpha.Infrastructure.Migrations;

[DbContext(typeof(AlphaDbContext))]
[Migration("20261122000000_CreateVisits")]
public sealed class M20261122000000_CreateVisits : AlphaMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        EnsureModuleSchema(migrationBuilder);
        CreateMessagingTables(migrationBuilder);
        migrationBuilder.CreateTable(
            name: Table("visits"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                VisitorName = t.Column<string>(maxLength: 100, nullable: false),
                FeeMinorUnits = t.Column<long>(nullable: false),
                FeeCurrency = t.Column<string>(maxLength: 3, nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("visits"), x => x.Id));
        migrationBuilder.CreateTable(
            name: Table("visitor_tallies"),
            schema: Schema,
            columns: t => new
            {
                VisitorName = t.Column<string>(maxLength: 100, nullable: false),
                Visits = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("visitor_tallies"), x => x.VisitorName));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(Table("visitor_tallies"), Schema);
        migrationBuilder.DropTable(Table("inbox"), Schema);
        migrationBuilder.DropTable(Table("outbox"), Schema);
        migrationBuilder.DropTable(Table("visits"), Schema);
    }
}
