using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.Platform.Clinic;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>
/// The clinic's identity (issue 17): its name, address, phone, tax number, the e-mail sender and the logo, in one row
/// the platform owns. No row means "not edited yet" (the name comes from configuration), so none is inserted here.
/// </summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261207050000_CreateClinicIdentity")]
internal sealed class M20261207050000_CreateClinicIdentity : ModuleMigration
{
    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: Table(ClinicIdentityRecord.Table),
            schema: Schema,
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Address = table.Column<string>(maxLength: 500, nullable: true),
                Phone = table.Column<string>(maxLength: 40, nullable: true),
                TaxNumber = table.Column<string>(maxLength: 40, nullable: true),
                SenderName = table.Column<string>(maxLength: 100, nullable: true),
                SenderAddress = table.Column<string>(maxLength: 254, nullable: true),
                Logo = table.Column<byte[]>(nullable: true),
                LogoContentType = table.Column<string>(maxLength: 20, nullable: true),
                LogoVersion = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_" + Table(ClinicIdentityRecord.Table), c => c.Id));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(Table(ClinicIdentityRecord.Table), Schema);
}
