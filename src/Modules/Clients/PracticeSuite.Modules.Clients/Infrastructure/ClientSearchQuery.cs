using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Clients.Infrastructure;

/// <summary>Where a query word is looked for: the starts of the client's words (terms) or anywhere inside them (fragments).</summary>
internal enum SearchIndex
{
    Terms,
    Fragments,
}

/// <summary>Whose records a search may return: everyone (a manager or a job), one therapist's care team, one client, or nobody.</summary>
internal sealed record SearchScope(bool Everyone, Guid? TherapistId, Guid? ClientId);

/// <summary>
/// Client search's statements, read with ADO.NET: the walk of the term or fragment index in (term, name) order (or,
/// without a query, of the sort-name index), and the page's clients by id. It is the hot path of the staff's most used page,
/// and EF Core's materialiser cost as much as the queries themselves (build/bench/Clients.md). The SQL is the same on SQLite and PostgreSQL but for the probe of
/// a further query word (see <see cref="WalkAsync"/>), table names and the stored form of ids. Run both on a connection the caller has opened.
/// </summary>
internal static class ClientSearchQuery
{
    /// <summary>
    /// The client ids of the matching index entries in walk order (a client may come more than once), at most
    /// <paramref name="walkLimit"/>. The first word's range is read from its table's covering index in (term, name)
    /// order; every other word is probed among the client's own rows.
    /// </summary>
    /// <param name="words">Normalised prefixes, the one that drives the walk first, each with where it is looked for.</param>
    public static async Task<IReadOnlyList<Guid>> WalkAsync(
        ClientsDbContext db, IReadOnlyList<(string Prefix, SearchIndex Index)> words, bool includeArchived, SearchScope scope, int walkLimit, CancellationToken cancellationToken)
    {
        var naming = db.Naming;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var (table, column) = Source(naming, words[0].Index);
        var where = new StringBuilder($"t.{column} >= @p0 AND t.{column} < @u0");
        command.AddParameter("@p0", words[0].Prefix);
        command.AddParameter("@u0", SearchText.PrefixUpperBound(words[0].Prefix));
        if (!includeArchived)
        {
            where.Append(" AND NOT t.\"Archived\"");
        }

        for (var i = 1; i < words.Count; i++)
        {
            // Probed among this client's own rows, on the primary key (ClientId, term). PostgreSQL estimates a narrow
            // text range at one row and planned the range form over the covering index instead, reading every
            // "john…" row for each "williams…" row (7.8 ms against 0.55 ms): there the probe is a scalar subquery on
            // substr, which only the primary key's ClientId can serve. SQLite seeks the range on the primary key, and
            // substr would make it read all of the client's rows (twice the time), so it keeps the range.
            var (otherTable, otherColumn) = Source(naming, words[i].Index);
            command.AddParameter($"@p{i}", words[i].Prefix);
            if (naming.Provider == DatabaseProvider.Postgres)
            {
                where.Append($" AND (SELECT 1 FROM {otherTable} o WHERE o.\"ClientId\" = t.\"ClientId\" AND substr(o.{otherColumn}, 1, @n{i}) = @p{i} LIMIT 1) IS NOT NULL");
                command.AddParameter($"@n{i}", words[i].Prefix.EnumerateRunes().Count()); // substr counts characters, not UTF-16 units
            }
            else
            {
                where.Append($" AND EXISTS (SELECT 1 FROM {otherTable} o WHERE o.\"ClientId\" = t.\"ClientId\" AND o.{otherColumn} >= @p{i} AND o.{otherColumn} < @u{i})");
                command.AddParameter($"@u{i}", SearchText.PrefixUpperBound(words[i].Prefix));
            }
        }

        where.Append(ScopeCondition(command, naming, scope, "t.\"ClientId\""));
        command.AddParameter("@walk", walkLimit);
        command.CommandText = $"SELECT t.\"ClientId\" FROM {table} t WHERE {where} ORDER BY t.{column}, t.\"SortName\", t.\"ClientId\" LIMIT @walk";
        return await ReadIdsAsync(command, walkLimit, cancellationToken);
    }

    private static (string Table, string Column) Source(ModuleTableNaming naming, SearchIndex index) => index == SearchIndex.Fragments
        ? (naming.QualifiedTable("client_search_fragments"), "\"Fragment\"")
        : (naming.QualifiedTable("client_search_terms"), "\"Term\"");

    /// <summary>
    /// Without a query: the ids of the clients the scope covers, by name, at most <paramref name="limit"/>, read from
    /// the sort-name index. Erased clients are never listed.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ListAsync(
        ClientsDbContext db, bool includeArchived, SearchScope scope, int limit, CancellationToken cancellationToken)
    {
        var naming = db.Naming;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var where = new StringBuilder("c.\"ErasedAt\" IS NULL");
        if (!includeArchived)
        {
            where.Append(" AND c.\"ArchivedAt\" IS NULL");
        }

        where.Append(ScopeCondition(command, naming, scope, "c.\"Id\""));
        command.AddParameter("@limit", limit);
        command.CommandText = $"SELECT c.\"Id\" FROM {naming.QualifiedTable("clients")} c WHERE {where} ORDER BY c.\"SortName\", c.\"Id\" LIMIT @limit";
        return await ReadIdsAsync(command, limit, cancellationToken);
    }

    /// <summary>The list entries of <paramref name="ids"/>, in that order.</summary>
    public static async Task<IReadOnlyList<ClientListItem>> ItemsAsync(ClientsDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var naming = db.Naming;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var names = new List<string>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            names.Add($"@i{i}");
            command.AddParameter($"@i{i}", StoredId(naming, ids[i]));
        }

        command.CommandText =
            $"SELECT c.\"Id\", c.\"GivenName\", c.\"FamilyName\", c.\"Email\", c.\"Phone\", c.\"DateOfBirth\", " +
            "CASE WHEN c.\"ArchivedAt\" IS NULL THEN 0 ELSE 1 END, CASE WHEN c.\"ErasedAt\" IS NULL THEN 0 ELSE 1 END " +
            $"FROM {naming.QualifiedTable("clients")} c WHERE c.\"Id\" IN ({string.Join(", ", names)})";
        var byId = new Dictionary<Guid, ClientListItem>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            byId[id] = new ClientListItem(
                id,
                Convert.ToInt32(reader.GetValue(7)) == 1 ? Client.ErasedName : $"{reader.GetString(1)} {reader.GetString(2)}",
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                Convert.ToInt32(reader.GetValue(6)) == 1);
        }

        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary>The condition (starting with AND) that keeps to the clients <paramref name="scope"/> covers.</summary>
    private static string ScopeCondition(DbCommand command, ModuleTableNaming naming, SearchScope scope, string clientIdColumn)
    {
        if (scope.Everyone)
        {
            return "";
        }

        if (scope.TherapistId is { } therapistId)
        {
            command.AddParameter("@scope", StoredId(naming, therapistId));
            return $" AND {clientIdColumn} IN (SELECT m.\"ClientId\" FROM {naming.QualifiedTable("care_team_members")} m WHERE m.\"TherapistId\" = @scope)";
        }

        if (scope.ClientId is { } clientId)
        {
            command.AddParameter("@scope", StoredId(naming, clientId));
            return $" AND {clientIdColumn} = @scope";
        }

        return " AND 1 = 0";
    }

    private static async Task<IReadOnlyList<Guid>> ReadIdsAsync(DbCommand command, int limit, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>(Math.Min(limit, 1024));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    // EF Core stores ids on SQLite as upper-case text and as uuid on PostgreSQL.
    private static object StoredId(ModuleTableNaming naming, Guid id) =>
        naming.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
}
