using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>The front desk's role (issue 15), added as data like the first three.</summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261202200000_AddReceptionRole")]
internal sealed class M20261202200000_AddReceptionRole : ModuleMigration
{
    private const string Id = "8d3e2c52-6f0b-4c8e-9a51-0b4a1f0c7a04";

    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(
            $"INSERT INTO {QualifiedTable("roles")} (\"Id\", \"Name\", \"NormalizedName\", \"ConcurrencyStamp\") " +
            $"SELECT '{Id}', 'Reception', 'RECEPTION', '{Id}' " +
            $"WHERE NOT EXISTS (SELECT 1 FROM {QualifiedTable("roles")} WHERE \"NormalizedName\" = 'RECEPTION');");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"DELETE FROM {QualifiedTable("roles")} WHERE \"Id\" = '{Id}';");
}
