using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>
/// Files sent with an e-mail (issue 17: the client's copy of their signed consent; dated after AddEmailClient so it applies after every migration a database already has), one row per file beside its
/// message. The bytes are emptied once the message is delivered; the name and size stay in the log.
/// </summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261208100000_AddEmailAttachments")]
internal sealed class M20261208100000_AddEmailAttachments : ModuleMigration
{
    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: Table("email_attachments"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                EmailId = t.Column<Guid>(nullable: false),
                Position = t.Column<int>(nullable: false),
                FileName = t.Column<string>(maxLength: 200, nullable: false),
                ContentType = t.Column<string>(maxLength: 100, nullable: false),
                Size = t.Column<int>(nullable: false),
                Content = t.Column<byte[]>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + Table("email_attachments"), x => x.Id);
                t.ForeignKey("FK_" + Table("email_attachments_email_messages_EmailId"), x => x.EmailId, Table("email_messages"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(Table("IX_email_attachments_EmailId"), Table("email_attachments"), "EmailId", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(Table("email_attachments"), Schema);
}
