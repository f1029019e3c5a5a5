using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>
/// The client an e-mail is to or about (issue 16, defect 5), so erasing the client finds every message of theirs, its
/// file in the mail folder included. Messages queued before it are found by the address of the client's account.
/// </summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261208090000_AddEmailClient")]
internal sealed class M20261208090000_AddEmailClient : ModuleMigration
{
    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("ClientId", Table("email_messages"), nullable: true, schema: Schema);
        migrationBuilder.CreateIndex(Table("IX_email_messages_ClientId"), Table("email_messages"), "ClientId", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(Table("IX_email_messages_ClientId"), Table("email_messages"), Schema);
        migrationBuilder.DropColumn("ClientId", Table("email_messages"), Schema);
    }
}
