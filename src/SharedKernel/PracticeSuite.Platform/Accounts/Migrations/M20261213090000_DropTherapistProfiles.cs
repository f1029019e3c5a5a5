using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>
/// Therapists' profiles and credentials moved to the Scheduling module (issue 18, ADR 0028): the platform keeps only
/// the therapist id on the account. No clinic ran an earlier version, so nothing is copied across (the ADR says what an
/// installed base would have needed).
/// </summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261213090000_DropTherapistProfiles")]
internal sealed class M20261213090000_DropTherapistProfiles : ModuleMigration
{
    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(Table("therapist_credentials"), Schema);
        migrationBuilder.DropTable(Table("therapist_profiles"), Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: Table("therapist_profiles"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 200, nullable: false),
                Bio = t.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("therapist_profiles"), x => x.Id));
        migrationBuilder.CreateTable(
            name: Table("therapist_credentials"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                TherapistId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                Number = t.Column<string>(maxLength: 100, nullable: false),
                Issuer = t.Column<string>(maxLength: 200, nullable: false),
                ExpiresOn = t.Column<DateOnly>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + Table("therapist_credentials"), x => x.Id);
                t.ForeignKey("FK_" + Table("therapist_credentials_profiles"), x => x.TherapistId, Table("therapist_profiles"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(Table("IX_therapist_credentials_TherapistId"), Table("therapist_credentials"), "TherapistId", Schema);
    }
}
