using Microsoft.Data.Sqlite;
using Npgsql;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Bench.Messaging;

/// <summary>
/// A fresh file database for one measurement: a SQLite file in its own scratch folder, or a new PostgreSQL
/// database made with the admin connection (a role with CREATEDB), dropped again at the end.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private BenchDatabase(DatabaseProvider provider, string dataDirectory, string? postgresAdmin, string? postgresDatabase, string? connectionString)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        _postgresAdmin = postgresAdmin;
        _postgresDatabase = postgresDatabase;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    /// <summary>The PostgreSQL connection string; null on SQLite, where the host puts the file in the data directory.</summary>
    public string? ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string postgresAdmin)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"practicesuite-bench-messaging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new BenchDatabase(provider, dataDirectory, null, null, null);
        }

        var name = "ps_bench_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(postgresAdmin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ConnectionString;
        return new BenchDatabase(provider, dataDirectory, postgresAdmin, name, connectionString);
    }

    /// <summary>The host arguments that point it at this database.</summary>
    public IEnumerable<string> HostArguments =>
    [
        $"--Database:Provider={Provider}",
        $"--ConnectionStrings:Practice={ConnectionString ?? ""}",
        $"--Storage:DataDirectory={DataDirectory}",
    ];

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresAdmin is not null && _postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in the temp directory is harmless; the figures matter more.
        }
    }
}
