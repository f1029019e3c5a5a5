using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// The one database the modules share: which provider, where it is, and how a module's DbContext
/// connects to it. Built once from configuration; it owns the data source every connection comes from.
/// </summary>
public sealed class PracticeDatabase : IDisposable, IAsyncDisposable
{
    public const string SqliteFileName = "practicesuite.db";

    private readonly Lazy<DbDataSource> _dataSource;

    private PracticeDatabase(DatabaseProvider provider, string connectionString, string dataDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _dataSource = new Lazy<DbDataSource>(() => provider == DatabaseProvider.Postgres ? NewPostgresDataSource() : NewSqliteDataSource());
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The folder for the SQLite file and other data the product keeps on disk.</summary>
    public string DataDirectory { get; }

    /// <summary>Reads <c>Database:Provider</c>, <c>ConnectionStrings:Practice</c> and <c>Storage:DataDirectory</c>.</summary>
    public static PracticeDatabase FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; it must be 'Sqlite' or 'Postgres'.");
        }

        var dataDirectory = Path.GetFullPath(configuration["Storage:DataDirectory"] is { Length: > 0 } configured
            ? Path.Combine(contentRoot, configured)
            : Path.Combine(contentRoot, "data"));

        var connectionString = provider switch
        {
            DatabaseProvider.Postgres => configuration.GetConnectionString("Practice") is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Practice is not set."),
            _ => new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, SqliteFileName),
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString(),
        };

        return new PracticeDatabase(provider, connectionString, dataDirectory);
    }

    public DbContextOptions<TContext> CreateOptions<TContext>(string moduleName) where TContext : DbContext
    {
        var naming = new ModuleTableNaming(moduleName, Provider);
        var builder = new DbContextOptionsBuilder<TContext>();
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                UsePostgres(builder, naming);
                break;
            default:
                UseSqlite(builder, naming);
                break;
        }

        // Migrations are hand-written and carry no model snapshot; the drift tests take the place of EF's check.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder.Options;
    }

    /// <summary>Creates the data directory and, on SQLite, switches the file to write-ahead logging.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>
    /// Where every connection to the database comes from: the modules' DbContexts on PostgreSQL, the product's
    /// ADO.NET reads and the job store. On PostgreSQL it is Npgsql's data source, and so one connection pool for
    /// the whole host; Microsoft.Data.Sqlite pools by connection string, so on SQLite EF Core keeps the string.
    /// Created on first use, disposed with this object.
    /// </summary>
    public DbDataSource DataSource => _dataSource.Value;

    public DbConnection CreateConnection() => DataSource.CreateConnection();

    // Each provider's calls sit in their own methods, never inlined: the runtime loads a provider's assemblies
    // when it compiles a method that names them, so a host on SQLite never loads Npgsql, nor the reverse.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void UsePostgres(DbContextOptionsBuilder builder, ModuleTableNaming naming) =>
        builder.UseNpgsql(DataSource, o => o.MigrationsHistoryTable(naming.HistoryTable, naming.Schema));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void UseSqlite(DbContextOptionsBuilder builder, ModuleTableNaming naming) =>
        builder.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(naming.HistoryTable)).AddInterceptors(SqliteSecureDelete.Interceptor);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private DbDataSource NewPostgresDataSource() => NpgsqlDataSource.Create(ConnectionString);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private DbDataSource NewSqliteDataSource() => new SqliteSecureDelete.DataSource(ConnectionString);

    /// <summary>
    /// Whether a module's table has a row matching <paramref name="condition"/> (SQL over the table's columns,
    /// double-quoted; constants only): one read over ADO.NET. Background work asks first, so that an idle host
    /// neither builds a module's EF model nor compiles a query to find nothing. The condition must hold for every
    /// row the real work would take (it may hold for more), so that a "no" is always safe.
    /// </summary>
    public async Task<bool> AnyRowAsync(string moduleName, string table, string condition, CancellationToken cancellationToken) =>
        await ScalarAsync($"SELECT 1 FROM {QualifiedTable(moduleName, table)} WHERE {condition} LIMIT 1", cancellationToken) is not null;

    /// <summary>
    /// On SQLite, copies the write-ahead log into the database file and truncates it to nothing, so the page images
    /// from before an erasure leave the <c>-wal</c> file now, not whenever SQLite next reuses it. Call once the erasure
    /// has committed (<see cref="ErasureCheckpoint"/>). A reader in the middle of a transaction holds it up, so it is
    /// tried a few times; false if the log could not be emptied. Nothing to do on PostgreSQL.
    /// </summary>
    public bool TruncateWriteAheadLog()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return true;
        }

        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            using (var connection = CreateConnection())
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                using var reader = command.ExecuteReader();
                if (reader.Read() && reader.GetInt32(0) == 0) // the first column is 1 when a reader or writer was in the way
                {
                    return true;
                }
            }

            if (attempt == attempts)
            {
                return false;
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(50 * attempt));
        }
    }

    /// <summary>A round trip to the database, for the health check.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => ScalarAsync("SELECT 1", cancellationToken);

    /// <summary>The quoted, schema-qualified name of a module's table, for statements written as SQL.</summary>
    public string QualifiedTable(string moduleName, string table) => new ModuleTableNaming(moduleName, Provider).QualifiedTable(table);

    public void Dispose()
    {
        if (_dataSource.IsValueCreated)
        {
            _dataSource.Value.Dispose();
        }
    }

    public ValueTask DisposeAsync() => _dataSource.IsValueCreated ? _dataSource.Value.DisposeAsync() : ValueTask.CompletedTask;

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
