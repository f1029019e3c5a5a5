using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.Platform.Tasks;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Accounts.Migrations;

/// <summary>
/// The clinic's task list (issue 17): tasks for a person or a staff role, due on a clinic-local day, optionally about a
/// module's record. The idempotency key is unique where set, so a module's request made twice stores one task.
/// </summary>
[DbContext(typeof(AccountsDbContext))]
[Migration("20261212090000_CreateStaffTasks")]
internal sealed class M20261212090000_CreateStaffTasks : ModuleMigration
{
    protected override string ModuleName => AccountsDbContext.ModuleName;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var table = Table(StaffTaskRecord.Table);
        migrationBuilder.CreateTable(
            name: table,
            schema: Schema,
            columns: columns => new
            {
                Id = columns.Column<Guid>(nullable: false),
                Title = columns.Column<string>(maxLength: StaffTaskRecord.MaxTitleLength, nullable: false),
                Details = columns.Column<string>(maxLength: StaffTaskRecord.MaxDetailsLength, nullable: true),
                AssigneeUserId = columns.Column<string>(maxLength: 450, nullable: true),
                AssigneeRole = columns.Column<string>(maxLength: 20, nullable: true),
                DueOn = columns.Column<DateOnly>(nullable: false),
                AboutModule = columns.Column<string>(maxLength: 100, nullable: true),
                AboutRecordId = columns.Column<string>(maxLength: 100, nullable: true),
                AboutLabel = columns.Column<string>(maxLength: StaffTaskRecord.MaxLabelLength, nullable: true),
                AboutPath = columns.Column<string>(maxLength: StaffTaskRecord.MaxPathLength, nullable: true),
                ClientId = columns.Column<Guid>(nullable: true),
                IdempotencyKey = columns.Column<string>(maxLength: StaffTaskRecord.MaxKeyLength, nullable: true),
                CreatedAt = columns.Column<DateTime>(nullable: false),
                CreatedByUserId = columns.Column<string>(maxLength: 450, nullable: true),
                DoneAt = columns.Column<DateTime>(nullable: true),
                DoneByUserId = columns.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + table, c => c.Id));

        migrationBuilder.CreateIndex($"IX_{table}_IdempotencyKey", table, "IdempotencyKey", Schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{table}_AssigneeUserId_DoneAt", table, ["AssigneeUserId", "DoneAt"], Schema);
        migrationBuilder.CreateIndex($"IX_{table}_AssigneeRole_DoneAt", table, ["AssigneeRole", "DoneAt"], Schema);
        migrationBuilder.CreateIndex($"IX_{table}_DoneAt_DueOn", table, ["DoneAt", "DueOn"], Schema);
        migrationBuilder.CreateIndex($"IX_{table}_AboutModule_AboutRecordId", table, ["AboutModule", "AboutRecordId"], Schema);
        migrationBuilder.CreateIndex($"IX_{table}_ClientId", table, "ClientId", Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(Table(StaffTaskRecord.Table), Schema);
}
