using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.Scheduling.Infrastructure.Migrations;

/// <summary>Therapists' profiles (biography, photo) and credentials, moved here from the platform (ADR 0028).</summary>
[DbContext(typeof(SchedulingDbContext))]
[Migration("20261207190000_CreateTherapistProfiles")]
internal sealed class M20261207190000_CreateTherapistProfiles : SchedulingMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var profiles = Table("therapist_profiles");
        migrationBuilder.CreateTable(
            name: profiles,
            schema: Schema,
            columns: t => new
            {
                TherapistId = t.Column<Guid>(nullable: false),
                Bio = t.Column<string>(maxLength: 1000, nullable: false),
                Photo = t.Column<byte[]>(nullable: true),
                PhotoContentType = t.Column<string>(maxLength: 40, nullable: true),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + profiles, x => x.TherapistId));

        var credentials = Table("therapist_credentials");
        migrationBuilder.CreateTable(
            name: credentials,
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                Number = t.Column<string>(maxLength: 100, nullable: false),
                Issuer = t.Column<string>(maxLength: 200, nullable: false),
                ExpiresOn = t.Column<DateOnly>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + credentials, x => x.Id));
        migrationBuilder.CreateIndex($"IX_{credentials}_TherapistId", credentials, "TherapistId", Schema);
        migrationBuilder.CreateIndex($"IX_{credentials}_ExpiresOn", credentials, "ExpiresOn", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(Table("therapist_credentials"), Schema);
        migrationBuilder.DropTable(Table("therapist_profiles"), Schema);
    }
}
