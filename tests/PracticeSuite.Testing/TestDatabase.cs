using Microsoft.Data.Sqlite;
using Npgsql;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Testing;

/// <summary>
/// A fresh, empty database for one test fixture: a SQLite file in its own folder, or — when
/// <c>PRACTICESUITE_TEST_DATABASE=Postgres</c> — a new database on the server named by
/// <c>PRACTICESUITE_TEST_POSTGRES</c>, dropped again at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "PRACTICESUITE_TEST_DATABASE";
    public const string PostgresVariable = "PRACTICESUITE_TEST_POSTGRES";

    private readonly string? _postgresAdminConnection;
    private readonly string? _postgresDatabase;

    private TestDatabase(DatabaseProvider provider, string dataDirectory, string? postgresAdminConnection, string? postgresDatabase, string? connectionString)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        _postgresAdminConnection = postgresAdminConnection;
        _postgresDatabase = postgresDatabase;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    /// <summary>The PostgreSQL connection string; null on SQLite, where the host derives the file from the data directory.</summary>
    public string? ConnectionString { get; }

    public static DatabaseProvider ConfiguredProvider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    /// <summary>A database of the provider the environment names (<see cref="ProviderVariable"/>).</summary>
    public static Task<TestDatabase> CreateAsync() =>
        ConfiguredProvider == DatabaseProvider.Postgres
            ? CreateAsync(DatabaseProvider.Postgres, Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {PostgresVariable} (a connection string with CREATEDB rights)."))
            : CreateAsync(DatabaseProvider.Sqlite, postgresAdmin: null);

    /// <summary>A database of <paramref name="provider"/>; PostgreSQL needs an admin connection with CREATEDB rights.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? postgresAdmin, string purpose = "test")
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"practicesuite-{purpose}s", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (provider != DatabaseProvider.Postgres)
        {
            return new TestDatabase(DatabaseProvider.Sqlite, dataDirectory, null, null, null);
        }

        var admin = postgresAdmin ?? throw new ArgumentNullException(nameof(postgresAdmin), "PostgreSQL needs an admin connection string.");
        var name = $"ps_{purpose}_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, dataDirectory, admin, name, connectionString);
    }

    /// <summary>The configuration that points the host at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Practice"] = ConnectionString ?? "",
        ["Storage:DataDirectory"] = DataDirectory,
    };

    // WITH (FORCE) ends the database's sessions, but a role without superuser rights may not end the autovacuum
    // worker that a busy test database attracts ("must be a member of the role whose process is being
    // terminated"): that worker finishes within moments, so the drop is tried again.
    private static async Task DropAsync(string adminConnection, string database)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(adminConnection);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (attempt < 10 && exception.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }

    /// <summary>The same settings as command-line arguments, for a host started as a process.</summary>
    public IEnumerable<string> HostArguments => Settings.Select(setting => $"--{setting.Key}={setting.Value}");

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresAdminConnection is not null && _postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(_postgresAdminConnection, _postgresDatabase);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a process that is shutting down; the folder is under the run's TMPDIR.
        }
    }
}
