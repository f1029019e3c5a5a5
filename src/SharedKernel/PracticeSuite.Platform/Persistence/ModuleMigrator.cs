using System.Data.Common;
using System.Reflection;
using Autofac;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Persistence;

/// <summary>Prepares the database and applies every loaded module's pending migrations, module by module.</summary>
internal static class ModuleMigrator
{
    public static async Task MigrateAsync(ILifetimeScope root, ModuleCatalog catalog, ILogger logger, CancellationToken cancellationToken)
    {
        var database = root.Resolve<PracticeDatabase>();
        await database.PrepareAsync(cancellationToken);
        var contexts = catalog.Modules.SelectMany(m => m.DbContextTypes.Select(type => (Module: m.Name, Type: type)))
            .Prepend((Module: PlatformDbContext.Name, Type: typeof(PlatformDbContext)));
        foreach (var (moduleName, contextType) in contexts)
        {
            await using var scope = root.BeginLifetimeScope();
            await MigrateAsync(database, moduleName, contextType, () => (DbContext)scope.Resolve(contextType), logger, cancellationToken);
        }
    }

    /// <summary>
    /// Applies <paramref name="contextType"/>'s pending migrations. Whether any are pending is read first from the
    /// migration attributes and the module's history table, without EF Core: on an up-to-date database (every
    /// start but the first after an upgrade) no model is built here, which keeps start-up short.
    /// <paramref name="createContext"/> resolves the context from a scope the caller owns.
    /// </summary>
    public static async Task MigrateAsync(
        PracticeDatabase database, string moduleName, Type contextType, Func<DbContext> createContext, ILogger logger, CancellationToken cancellationToken)
    {
        var known = KnownMigrations(contextType);
        var applied = await AppliedMigrationsAsync(database, new ModuleTableNaming(moduleName, database.Provider), cancellationToken);
        if (known.All(applied.Contains))
        {
            return;
        }

        var db = createContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Module {Module}: applying migrations {Migrations}", moduleName, pending);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static IReadOnlyList<string> KnownMigrations(Type contextType) =>
        contextType.Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToList();

    private static async Task<HashSet<string>> AppliedMigrationsAsync(PracticeDatabase database, ModuleTableNaming naming, CancellationToken cancellationToken)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var exists = naming.Schema is not null
            ? await ScalarAsync(connection, "SELECT to_regclass(@name)::text", ("name", naming.QualifiedHistoryTable), cancellationToken) is not null
            : await ScalarAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = @name", ("name", naming.HistoryTable), cancellationToken) is not null;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        if (!exists)
        {
            return applied;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"MigrationId\" FROM {naming.QualifiedHistoryTable}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, (string Name, string Value) parameter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter(parameter.Name, parameter.Value);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }
}
