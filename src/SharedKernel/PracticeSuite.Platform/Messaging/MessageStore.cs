using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Messaging;

/// <summary>The few statements the relay and the inbox need that EF cannot express portably: SQL per provider.</summary>
internal static class MessageStore
{
    public static string TableOf<TEntity>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    public static bool IsPostgres(DbContext db) => db.Database.ProviderName == ProviderNames.Postgres;

    /// <summary>A predicate "<paramref name="column"/> is one of the ids in parameter <paramref name="parameter"/>".</summary>
    public static string InIds(DbContext db, string column, string parameter) =>
        IsPostgres(db) ? $"\"{column}\" = ANY({parameter})" : $"\"{column}\" IN (SELECT value FROM json_each({parameter}))";

    public static object IdsParameter(DbContext db, IReadOnlyCollection<Guid> ids) =>
        IsPostgres(db) ? ids.ToArray() : JsonSerializer.Serialize(ids.Select(id => id.ToString().ToUpperInvariant()));

    public static string InTexts(DbContext db, string column, string parameter) =>
        IsPostgres(db) ? $"\"{column}\" = ANY({parameter})" : $"\"{column}\" IN (SELECT value FROM json_each({parameter}))";

    public static object TextsParameter(DbContext db, IReadOnlyCollection<string> texts) =>
        IsPostgres(db) ? texts.ToArray() : JsonSerializer.Serialize(texts);

    /// <summary>On PostgreSQL, rows another node is working on are skipped rather than waited for.</summary>
    public static string LockClause(DbContext db) => IsPostgres(db) ? " FOR UPDATE SKIP LOCKED" : "";

    public static string Inbox(DbContext db) => TableOf<InboxMessage>(db);

    public static string Outbox(DbContext db) => TableOf<OutboxMessage>(db);
}
