using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// The conventions every module's tables follow, in one place: <see cref="ModuleDbContext"/> applies them, and so
/// does a context that cannot derive from it (the platform's Identity context derives from Identity's own).
/// </summary>
public static class ModuleModelConventions
{
    /// <summary>Puts each table in the module's schema (PostgreSQL) or behind its prefix (SQLite).</summary>
    public static void PlaceTables(ModelBuilder modelBuilder, ModuleTableNaming naming)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()))
        {
            var localName = entityType.GetTableName() ?? entityType.ClrType.Name;
            entityType.SetTableName(naming.Table(localName));
            entityType.SetSchema(naming.Schema);
        }
    }

    /// <summary>
    /// Stores every DateTime as UTC and reads it back as UTC: SQLite hands values back as Unspecified and PostgreSQL
    /// refuses anything but UTC.
    /// </summary>
    public static void StoreDateTimesAsUtc(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
