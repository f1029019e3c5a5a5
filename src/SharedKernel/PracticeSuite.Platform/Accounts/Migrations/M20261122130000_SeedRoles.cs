using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>
/// The three roles, as data: start-up no longer asks Identity whether they exist (which built the accounts model
/// on every start). Databases whose roles start-up created earlier keep them: a role is only added when missing.
/// </summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261122130000_SeedRoles")]
internal sealed class M20261122130000_SeedRoles : ModuleMigration
{
    // Written out rather than read from PracticeRole, so this migration never changes.
    private static readonly (string Id, string Name)[] Roles =
    [
        ("8d3e2c52-6f0b-4c8e-9a51-0b4a1f0c7a01", "Manager"),
        ("8d3e2c52-6f0b-4c8e-9a51-0b4a1f0c7a02", "Therapist"),
        ("8d3e2c52-6f0b-4c8e-9a51-0b4a1f0c7a03", "Client"),
    ];

    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var roles = QualifiedTable("roles");
        foreach (var (id, name) in Roles)
        {
            var normalized = name.ToUpperInvariant();
            migrationBuilder.Sql(
                $"INSERT INTO {roles} (\"Id\", \"Name\", \"NormalizedName\", \"ConcurrencyStamp\") " +
                $"SELECT '{id}', '{name}', '{normalized}', '{id}' " +
                $"WHERE NOT EXISTS (SELECT 1 FROM {roles} WHERE \"NormalizedName\" = '{normalized}');");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var roles = QualifiedTable("roles");
        foreach (var (id, _) in Roles)
        {
            migrationBuilder.Sql($"DELETE FROM {roles} WHERE \"Id\" = '{id}';");
        }
    }
}
