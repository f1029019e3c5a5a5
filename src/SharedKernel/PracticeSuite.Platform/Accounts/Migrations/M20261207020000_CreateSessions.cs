using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>Server-side sign-in sessions (issue 16): the cookie carries a session id the server can end.</summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261207020000_CreateSessions")]
internal sealed class M20261207020000_CreateSessions : ModuleMigration
{
    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: Table("sessions"),
            schema: Schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: true),
                EndReason = table.Column<string>(maxLength: 32, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_" + Table("sessions"), s => s.Id));
        migrationBuilder.CreateIndex("IX_" + Table("sessions") + "_UserId", Table("sessions"), "UserId", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(Table("sessions"), Schema);
}
