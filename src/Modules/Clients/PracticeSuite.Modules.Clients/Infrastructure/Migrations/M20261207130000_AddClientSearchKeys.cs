using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.Clients.Infrastructure.Migrations;

/// <summary>
/// Each client's search key, scanned for a word found inside a name or phone number (issue 17, ADR 0022). The
/// key is built by the module's normaliser, which SQL cannot repeat on both providers: existing clients get theirs
/// from <see cref="ClientSearchKeyBackfill"/> at the first start after this migration, which also rebuilds their
/// terms under the new rules (apostrophes and hyphens joined, ß and ø folded).
/// </summary>
[DbContext(typeof(ClientsDbContext))]
[Migration("20261207130000_AddClientSearchKeys")]
internal sealed class M20261207130000_AddClientSearchKeys : ClientsMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var keys = Table("client_search_keys");
        migrationBuilder.CreateTable(
            name: keys,
            schema: Schema,
            columns: t => new
            {
                ClientId = t.Column<Guid>(nullable: false),
                Key = t.Column<string>(maxLength: 500, nullable: false),
                SortName = t.Column<string>(maxLength: 201, nullable: false),
                Archived = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + keys, x => x.ClientId);
                t.ForeignKey($"FK_{keys}_ClientId", x => x.ClientId, Table("clients"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(Table("client_search_keys"), Schema);
}
