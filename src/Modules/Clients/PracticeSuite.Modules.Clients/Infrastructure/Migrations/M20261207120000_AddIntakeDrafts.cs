using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.Clients.Infrastructure.Migrations;

/// <summary>The portal's questionnaire in progress, one row per client until it is sent.</summary>
[DbContext(typeof(ClientsDbContext))]
[Migration("20261207120000_AddIntakeDrafts")]
internal sealed class M20261207120000_AddIntakeDrafts : ClientsMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var drafts = Table("intake_drafts");
        migrationBuilder.CreateTable(
            name: drafts,
            schema: Schema,
            columns: t => new
            {
                ClientId = t.Column<Guid>(nullable: false),
                AnswersJson = t.Column<string>(nullable: false),
                StepsDone = t.Column<int>(nullable: false),
                SavedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + drafts, x => x.ClientId));
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(Table("intake_drafts"), Schema);
}
