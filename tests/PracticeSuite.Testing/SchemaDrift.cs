using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Testing;

/// <summary>
/// Compares a migrated database with a module's EF model: tables, columns, nullability, primary keys and
/// foreign keys. It stands in for EF's pending-model check, which needs a snapshot we do not keep: a
/// model change without a migration shows up here as a difference.
/// </summary>
public static class SchemaDrift
{
    public sealed record Column(string Name, bool Nullable);

    public sealed record ForeignKey(string Columns, string PrincipalTable, string PrincipalColumns);

    public sealed record Table(string Name, IReadOnlyList<Column> Columns, string PrimaryKey, IReadOnlyList<ForeignKey> ForeignKeys);

    /// <summary>Every difference between the model and the database, as readable sentences; empty when they agree.</summary>
    public static Task<IReadOnlyList<string>> FindDifferencesAsync(ModuleDbContext db, CancellationToken cancellationToken = default) =>
        FindDifferencesAsync(db, db.Naming, cancellationToken);

    /// <summary>The same for any DbContext whose tables follow a module's naming (the host's accounts tables).</summary>
    public static async Task<IReadOnlyList<string>> FindDifferencesAsync(DbContext db, ModuleTableNaming naming, CancellationToken cancellationToken = default)
    {
        var expected = ModelTables(db);
        var actual = await DatabaseTablesAsync(db, naming, cancellationToken);
        var differences = new List<string>();

        foreach (var table in expected.Values)
        {
            if (!actual.TryGetValue(table.Name, out var found))
            {
                differences.Add($"table {table.Name} is in the model but not in the database");
                continue;
            }

            var foundColumns = found.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            foreach (var column in table.Columns)
            {
                if (!foundColumns.TryGetValue(column.Name, out var foundColumn))
                {
                    differences.Add($"column {table.Name}.{column.Name} is in the model but not in the database");
                }
                else if (foundColumn.Nullable != column.Nullable)
                {
                    differences.Add($"column {table.Name}.{column.Name} is {Nullability(column)} in the model but {Nullability(foundColumn)} in the database");
                }
            }

            foreach (var extra in found.Columns.Where(c => table.Columns.All(m => m.Name != c.Name)))
            {
                differences.Add($"column {table.Name}.{extra.Name} is in the database but not in the model");
            }

            if (table.PrimaryKey != found.PrimaryKey)
            {
                differences.Add($"table {table.Name} has primary key ({table.PrimaryKey}) in the model but ({found.PrimaryKey}) in the database");
            }

            foreach (var key in table.ForeignKeys.Except(found.ForeignKeys))
            {
                differences.Add($"foreign key {table.Name}({key.Columns}) -> {key.PrincipalTable}({key.PrincipalColumns}) is in the model but not in the database");
            }

            foreach (var key in found.ForeignKeys.Except(table.ForeignKeys))
            {
                differences.Add($"foreign key {table.Name}({key.Columns}) -> {key.PrincipalTable}({key.PrincipalColumns}) is in the database but not in the model");
            }
        }

        foreach (var extra in actual.Keys.Where(name => !expected.ContainsKey(name)))
        {
            differences.Add($"table {extra} is in the database but not in the model");
        }

        return differences;
    }

    private static string Nullability(Column column) => column.Nullable ? "nullable" : "required";

    private static Dictionary<string, Table> ModelTables(DbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        return model.Tables.ToDictionary(
            t => t.Name,
            t => new Table(
                t.Name,
                t.Columns.Select(c => new Column(c.Name, c.IsNullable)).ToList(),
                KeyText(t.PrimaryKey?.Columns.Select(c => c.Name)),
                t.ForeignKeyConstraints
                    .Select(fk => new ForeignKey(KeyText(fk.Columns.Select(c => c.Name)), fk.PrincipalTable.Name, KeyText(fk.PrincipalColumns.Select(c => c.Name))))
                    .Distinct()
                    .ToList()),
            StringComparer.Ordinal);
    }

    /// <summary>A module's tables as the database has them, with their columns and keys.</summary>
    public static async Task<IReadOnlyDictionary<string, Table>> ReadTablesAsync(ModuleDbContext db, CancellationToken cancellationToken = default) =>
        await DatabaseTablesAsync(db, db.Naming, cancellationToken);

    private static async Task<Dictionary<string, Table>> DatabaseTablesAsync(DbContext db, ModuleTableNaming naming, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return naming.Provider == DatabaseProvider.Postgres
                ? await PostgresTablesAsync(connection, naming, cancellationToken)
                : await SqliteTablesAsync(connection, naming, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Dictionary<string, Table>> SqliteTablesAsync(DbConnection connection, ModuleTableNaming naming, CancellationToken cancellationToken)
    {
        var prefix = naming.Table("");
        var names = (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", r => r.GetString(0), cancellationToken))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n != naming.HistoryTable)
            .ToList();
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var columns = await QueryAsync(connection, $"PRAGMA table_info(\"{name}\")",
                r => (Name: r.GetString(1), NotNull: r.GetInt64(3) != 0, PkOrdinal: r.GetInt64(5)), cancellationToken);
            var foreignKeys = await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{name}\")",
                r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Table: r.GetString(2), From: r.GetString(3), To: r.GetString(4)), cancellationToken);
            tables[name] = new Table(
                name,
                // A primary-key column is never null in a real table; SQLite reports notnull=0 for it unless declared.
                columns.Select(c => new Column(c.Name, !c.NotNull && c.PkOrdinal == 0)).ToList(),
                KeyText(columns.Where(c => c.PkOrdinal > 0).OrderBy(c => c.PkOrdinal).Select(c => c.Name)),
                foreignKeys.GroupBy(f => f.Id)
                    .Select(g => new ForeignKey(
                        KeyText(g.OrderBy(f => f.Seq).Select(f => f.From)),
                        g.First().Table,
                        KeyText(g.OrderBy(f => f.Seq).Select(f => f.To))))
                    .Distinct()
                    .ToList());
        }

        return tables;
    }

    private static async Task<Dictionary<string, Table>> PostgresTablesAsync(DbConnection connection, ModuleTableNaming naming, CancellationToken cancellationToken)
    {
        var schema = naming.Schema!;
        var columns = await QueryAsync(connection,
            $"SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = '{schema}' ORDER BY table_name, ordinal_position",
            r => (Table: r.GetString(0), Name: r.GetString(1), Nullable: r.GetString(2) == "YES"), cancellationToken);
        var keys = await QueryAsync(connection,
            $"""
            SELECT tc.table_name, tc.constraint_type, tc.constraint_name, kcu.column_name, kcu.ordinal_position,
                   pk.table_name AS principal_table, pk.column_name AS principal_column
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
            LEFT JOIN information_schema.referential_constraints rc
              ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
            LEFT JOIN information_schema.key_column_usage pk
              ON pk.constraint_schema = rc.unique_constraint_schema AND pk.constraint_name = rc.unique_constraint_name
             AND pk.ordinal_position = kcu.position_in_unique_constraint
            WHERE tc.table_schema = '{schema}' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')
            ORDER BY tc.constraint_name, kcu.ordinal_position
            """,
            r => (Table: r.GetString(0), Type: r.GetString(1), Constraint: r.GetString(2), Column: r.GetString(3), Ordinal: r.GetInt32(4),
                  PrincipalTable: r.IsDBNull(5) ? "" : r.GetString(5), PrincipalColumn: r.IsDBNull(6) ? "" : r.GetString(6)),
            cancellationToken);

        return columns.Where(c => c.Table != naming.HistoryTable)
            .GroupBy(c => c.Table)
            .ToDictionary(
                g => g.Key,
                g => new Table(
                    g.Key,
                    g.Select(c => new Column(c.Name, c.Nullable)).ToList(),
                    KeyText(keys.Where(k => k.Table == g.Key && k.Type == "PRIMARY KEY").OrderBy(k => k.Ordinal).Select(k => k.Column)),
                    keys.Where(k => k.Table == g.Key && k.Type == "FOREIGN KEY")
                        .GroupBy(k => k.Constraint)
                        .Select(fk => new ForeignKey(
                            KeyText(fk.OrderBy(k => k.Ordinal).Select(k => k.Column)),
                            fk.First().PrincipalTable,
                            KeyText(fk.OrderBy(k => k.Ordinal).Select(k => k.PrincipalColumn))))
                        .Distinct()
                        .ToList()),
                StringComparer.Ordinal);
    }

    private static string KeyText(IEnumerable<string>? columns) => columns is null ? "" : string.Join(", ", columns);

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
