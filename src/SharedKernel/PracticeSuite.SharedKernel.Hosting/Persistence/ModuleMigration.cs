using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.SharedKernel.Hosting.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// The base of a module's hand-written migrations. One migration runs on both providers: write
/// operations with <see cref="Table"/> and <see cref="Schema"/> and no store types, and branch on
/// <see cref="Provider"/> only for a statement one provider needs.
/// </summary>
public abstract class ModuleMigration : Migration
{
    /// <summary>The module whose tables this migration changes.</summary>
    protected abstract string ModuleName { get; }

    protected ModuleTableNaming Naming => ModuleTableNaming.For(ModuleName, ActiveProvider);

    protected DatabaseProvider Provider => Naming.Provider;

    protected string? Schema => Naming.Schema;

    protected string Table(string name) => Naming.Table(name);

    /// <summary>The quoted, schema-qualified name of a module table, for statements written as SQL.</summary>
    protected string QualifiedTable(string name) => Naming.QualifiedTable(name);

    /// <summary>Creates the module's outbox and inbox tables. Every module's first migration calls it.</summary>
    protected void CreateMessagingTables(MigrationBuilder migrationBuilder) =>
        MessagingModel.CreateTables(migrationBuilder, Naming);

    /// <summary>Creates the module's schema where the provider has schemas.</summary>
    protected void EnsureModuleSchema(MigrationBuilder migrationBuilder)
    {
        if (Schema is not null)
        {
            migrationBuilder.EnsureSchema(Schema);
        }
    }
}
