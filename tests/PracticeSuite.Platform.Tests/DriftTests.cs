using Autofac;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>Every loaded module's migrations produce exactly the tables, columns, nullability and keys its model expects.</summary>
[Trait("Category", "Persistence")]
public sealed class DriftTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Every_module_schema_matches_its_model()
    {
        var contexts = host.Factory.Container.Resolve<ModuleCatalog>().Modules.SelectMany(m => m.DbContextTypes).ToList();
        Assert.NotEmpty(contexts);
        foreach (var contextType in contexts)
        {
            await using var scope = host.Factory.Container.BeginLifetimeScope();
            var db = (ModuleDbContext)scope.Resolve(contextType);
            var differences = await SchemaDrift.FindDifferencesAsync(db, TestContext.Current.CancellationToken);
            Assert.True(differences.Count == 0, $"{contextType.Name}: " + string.Join("; ", differences));
        }
    }

    [Fact]
    public async Task No_foreign_key_leaves_its_module()
    {
        var contexts = host.Factory.Container.Resolve<ModuleCatalog>().Modules.SelectMany(m => m.DbContextTypes).ToList();
        var keysChecked = 0;
        foreach (var contextType in contexts)
        {
            await using var scope = host.Factory.Container.BeginLifetimeScope();
            var tables = await SchemaDrift.ReadTablesAsync((ModuleDbContext)scope.Resolve(contextType), TestContext.Current.CancellationToken);
            foreach (var (table, key) in tables.Values.SelectMany(t => t.ForeignKeys.Select(k => (t.Name, k))))
            {
                Assert.True(tables.ContainsKey(key.PrincipalTable), $"{contextType.Name}: {table}({key.Columns}) refers to {key.PrincipalTable}, which is not its module's table");
                keysChecked++;
            }
        }

        Assert.True(keysChecked > 0, "no foreign key was found to check"); // the Clients module has some
    }

    [Fact]
    public async Task Each_module_keeps_its_own_migration_history_in_its_own_schema_or_prefix()
    {
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        var catalog = scope.Resolve<ModuleCatalog>();
        var alpha = (ModuleDbContext)scope.Resolve(catalog.Modules.Single(m => m.Name == "Alpha").DbContextTypes.Single());
        var history = alpha.GetService<IHistoryRepository>();
        Assert.True(await history.ExistsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["20261122000000_CreateVisits"], (await history.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Select(m => m.MigrationId));
        var expectedTable = host.Factory.Database.Provider == DatabaseProvider.Postgres ? "alpha.__migrations" : "alpha___migrations";
        Assert.Contains(expectedTable, history.GetCreateIfNotExistsScript().Replace("\"", ""));
    }

    [Fact]
    public async Task A_column_added_to_the_model_without_a_migration_is_reported()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var practice = PracticeDatabase.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build(), Path.GetTempPath());
        await practice.PrepareAsync(TestContext.Current.CancellationToken);

        await using (var migrated = new ProbeDbContext(practice.CreateOptions<ProbeDbContext>(ProbeDbContext.Module)))
        {
            await migrated.Database.MigrateAsync(TestContext.Current.CancellationToken);
            Assert.Empty(await SchemaDrift.FindDifferencesAsync(migrated, TestContext.Current.CancellationToken));
        }

        await using var changed = new ProbeWithExtraColumnDbContext(practice.CreateOptions<ProbeWithExtraColumnDbContext>(ProbeDbContext.Module));
        var differences = await SchemaDrift.FindDifferencesAsync(changed, TestContext.Current.CancellationToken);
        var table = changed.Naming.Table("probes");
        Assert.Equal([$"column {table}.Extra is in the model but not in the database"], differences);
    }
}

/// <summary>A tiny module model with one migration, for proving the drift check catches a model change.</summary>
public class ProbeDbContext(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "Probe";

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Probe>(probe =>
        {
            probe.ToTable("probes");
            probe.Property(p => p.Name).HasMaxLength(50);
            probe.Ignore(p => p.Extra);
        });

    public sealed class Probe
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";

        public string? Extra { get; set; }
    }
}

/// <summary>The same model with a column that no migration adds.</summary>
public sealed class ProbeWithExtraColumnDbContext(DbContextOptions<ProbeWithExtraColumnDbContext> options) : ProbeDbContext(options)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        base.ConfigureModel(modelBuilder);
        modelBuilder.Entity<Probe>().Property(p => p.Extra).HasMaxLength(20);
    }
}

[DbContext(typeof(ProbeDbContext))]
[Migration("20261122000000_CreateProbes")]
public sealed class CreateProbes : ModuleMigration
{
    protected override string ModuleName => ProbeDbContext.Module;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        EnsureModuleSchema(migrationBuilder);
        CreateMessagingTables(migrationBuilder);
        migrationBuilder.CreateTable(
            name: Table("probes"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 50, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("probes"), x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(Table("probes"), Schema);
}
