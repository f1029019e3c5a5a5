using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>
/// When a manager deactivated an account (issue 17): a field of its own, so it is never confused with the lockout that
/// failed sign-ins set and that lifts by itself. Every existing account stays active (null).
/// </summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261209090000_AddAccountDeactivation")]
internal sealed class M20261209090000_AddAccountDeactivation : ModuleMigration
{
    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>("DeactivatedAt", Table("users"), nullable: true, schema: Schema);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("DeactivatedAt", Table("users"), Schema);
}
