using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// The base of every module's DbContext. It places the module's tables in its schema or behind its
/// prefix, and stores every DateTime as UTC.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, string moduleName) : DbContext(options)
{
    public string ModuleName { get; } = moduleName;

    public ModuleTableNaming Naming => ModuleTableNaming.For(ModuleName, Database.ProviderName);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);

        var naming = Naming;
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()))
        {
            var localName = entityType.GetTableName() ?? entityType.ClrType.Name;
            entityType.SetTableName(naming.Table(localName));
            entityType.SetSchema(naming.Schema);
        }
    }

    /// <summary>The module's model. Give each entity its module-local table name (<c>ToTable("visits")</c>).</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back as Unspecified and PostgreSQL refuses anything but UTC: store UTC, read UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
