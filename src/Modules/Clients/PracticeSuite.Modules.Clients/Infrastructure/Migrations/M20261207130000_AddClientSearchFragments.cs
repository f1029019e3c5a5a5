using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PracticeSuite.Modules.Clients.Infrastructure.Migrations;

/// <summary>
/// Search inside words (issue 17, ADR 0022): every client's word endings, indexed like the terms, and the version of
/// the rules a client's search index was built by. Endings are made by the module's normaliser, which SQL cannot
/// repeat on both providers: existing clients (version 0) get theirs from <see cref="ClientSearchIndexBackfill"/> at
/// the first start after this migration, which also rebuilds their terms under the new rules (apostrophes and
/// hyphens joined, ß and ø folded).
/// </summary>
[DbContext(typeof(ClientsDbContext))]
[Migration("20261207130000_AddClientSearchFragments")]
internal sealed class M20261207130000_AddClientSearchFragments : ClientsMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var clients = Table("clients");
        migrationBuilder.AddColumn<int>("SearchIndexVersion", clients, nullable: false, defaultValue: 0, schema: Schema);
        migrationBuilder.CreateIndex($"IX_{clients}_SearchIndexVersion", clients, "SearchIndexVersion", Schema);

        var fragments = Table("client_search_fragments");
        migrationBuilder.CreateTable(
            name: fragments,
            schema: Schema,
            columns: t => new
            {
                ClientId = t.Column<Guid>(nullable: false),
                Fragment = t.Column<string>(maxLength: 100, nullable: false),
                SortName = t.Column<string>(maxLength: 201, nullable: false),
                Archived = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_" + fragments, x => new { x.ClientId, x.Fragment });
                t.ForeignKey($"FK_{fragments}_ClientId", x => x.ClientId, clients, "Id", Schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{fragments}_Fragment_SortName_ClientId_Archived", fragments, ["Fragment", "SortName", "ClientId", "Archived"], Schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(Table("client_search_fragments"), Schema);
        migrationBuilder.DropIndex($"IX_{Table("clients")}_SearchIndexVersion", Table("clients"), Schema);
        migrationBuilder.DropColumn("SearchIndexVersion", Table("clients"), Schema);
    }
}
