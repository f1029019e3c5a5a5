using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// SQLite's <c>secure_delete</c> on every connection to the practice database: deleted rows, the old bytes of changed
/// values (index entries and overflow pages included) and freed pages are overwritten with zeros, instead of staying in
/// the file's free space until SQLite happens to reuse it (ADR 0018). SQLite keeps the setting per connection, not in
/// the file, and Microsoft.Data.Sqlite's connection string cannot carry it, so it is set as each connection opens:
/// EF Core's through <see cref="Interceptor"/>, ADO.NET's through <see cref="DataSource"/>.
/// </summary>
internal static class SqliteSecureDelete
{
    // ON rather than FAST: FAST leaves freed pages (a deleted intake's overflow pages) as they were.
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public static readonly DbConnectionInterceptor Interceptor = new OnOpen();

    public static void Enable(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    private sealed class OnOpen : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Enable(connection);

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Microsoft.Data.Sqlite's connections, each switched to secure delete as it opens (pooled ones too).</summary>
    public sealed class DataSource(string connectionString) : DbDataSource
    {
        public override string ConnectionString => connectionString;

        protected override DbConnection CreateDbConnection()
        {
            var connection = new SqliteConnection(connectionString);
            connection.StateChange += (sender, change) =>
            {
                if (change.CurrentState == ConnectionState.Open)
                {
                    Enable((DbConnection)sender!);
                }
            };
            return connection;
        }
    }
}
