using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>
/// Whether an audit entry is a read or a change (issue 15), so a client's history can show changes first. Entries
/// written before it are classed by their code: every read action's code ended in <c>.read</c>.
/// </summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261202220000_AddAuditKind")]
internal sealed class M20261202220000_AddAuditKind : ModuleMigration
{
    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Kind", Table("audit_entries"), maxLength: 10, nullable: false, defaultValue: "Change", schema: Schema);
        migrationBuilder.Sql($"UPDATE {QualifiedTable("audit_entries")} SET \"Kind\" = 'Read' WHERE \"Action\" LIKE '%.read';");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("Kind", Table("audit_entries"), Schema);
}
