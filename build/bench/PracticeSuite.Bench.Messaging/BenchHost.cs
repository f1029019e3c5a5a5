using System.Data.Common;
using System.Text;
using System.Text.Json;
using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using PracticeSuite.Host;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;

// The SQL here interpolates only table names taken from the EF model and generated placeholders; every value is a parameter.
#pragma warning disable EF1002

namespace PracticeSuite.Bench.Messaging;

/// <summary>
/// The real host composed as Program composes it (<see cref="HostComposition"/>), in this process, with the
/// test modules Alpha (producer of <c>alpha.visit-recorded.v1</c>), Beta (Alpha's dependency) and Gamma
/// (the one subscriber, whose handler inserts one receipt per event), migrated on a fresh database.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string Producer = "Alpha";
    public const string Subscriber = "Gamma";
    public const string EventType = "alpha.visit-recorded.v1";

    // Rows per INSERT while seeding: 5 parameters a row stays well under SQLite's 32,766 and PostgreSQL's 65,535.
    private const int SeedRowsPerStatement = 500;

    private BenchHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public ILifetimeScope Root => App.Services.GetRequiredService<ILifetimeScope>();

    public static async Task<BenchHost> CreateAsync(TestDatabase database, IEnumerable<string> extraArguments)
    {
        var binaries = AppContext.BaseDirectory;
        // Production and the host's appsettings.json (copied beside the harness), so logging is as shipped.
        var app = HostComposition.Build(
        [
            "--environment=Production",
            "--applicationName=PracticeSuite.Host",
            $"--contentRoot={binaries}",
            $"--Modules:Path={Path.Combine(binaries, "modules")}",
            "--Modules:Alpha:Enabled=true",
            "--Modules:Beta:Enabled=true",
            "--Modules:Gamma:Enabled=true",
            .. database.HostArguments,
            .. extraArguments,
        ]);
        await HostComposition.PrepareAsync(app, CancellationToken.None);
        return new BenchHost(app);
    }

    /// <summary>
    /// Writes <paramref name="count"/> unrelayed events into Alpha's outbox, shaped exactly as
    /// <see cref="ModuleDbContext.EnqueueIntegrationEvent"/> writes them, with one prepared multi-row insert
    /// reused in one transaction. On SQLite ids are written as EF writes them (upper-case text), since
    /// Microsoft.Data.Sqlite alone would bind a Guid as a blob.
    /// </summary>
    public async Task SeedOutboxAsync(int count, string visitorPrefix)
    {
        await using var scope = Root.BeginLifetimeScope();
        var db = scope.ResolveKeyed<ModuleDbContext>(Producer);
        var sqlite = db.Database.ProviderName == ProviderNames.Sqlite;
        var outbox = TableOf(db, db.Model.FindEntityType(typeof(OutboxMessage))!);
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        DbCommand? command = null;
        var prepared = false;
        try
        {
            for (var start = 0; start < count; start += SeedRowsPerStatement)
            {
                var rows = Math.Min(SeedRowsPerStatement, count - start);
                if (command is null || command.Parameters.Count != rows * 5)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction.GetDbTransaction();
                    var sql = new StringBuilder($"INSERT INTO {outbox} (\"Id\", \"Type\", \"Payload\", \"CorrelationId\", \"OccurredAt\", \"RelayedAt\") VALUES ");
                    for (var row = 0; row < rows; row++)
                    {
                        sql.Append(row == 0 ? "" : ", ").Append($"(@i{row}, @t{row}, @p{row}, @c{row}, @o{row}, NULL)");
                        foreach (var name in new[] { "i", "t", "p", "c", "o" })
                        {
                            var parameter = command.CreateParameter();
                            parameter.ParameterName = $"@{name}{row}";
                            command.Parameters.Add(parameter);
                        }
                    }

                    command.CommandText = sql.ToString();
                    prepared = false;
                }

                var occurredAt = DateTime.UtcNow;
                for (var row = 0; row < rows; row++)
                {
                    var id = Guid.CreateVersion7();
                    var p = row * 5;
                    command.Parameters[p].Value = sqlite ? id.ToString().ToUpperInvariant() : id;
                    command.Parameters[p + 1].Value = EventType;
                    command.Parameters[p + 2].Value = JsonSerializer.Serialize(new { visitId = Guid.CreateVersion7(), visitorName = $"{visitorPrefix}-{start + row}" }, IntegrationEventNames.Json);
                    command.Parameters[p + 3].Value = Guid.NewGuid().ToString("N");
                    command.Parameters[p + 4].Value = occurredAt;
                }

                if (!prepared)
                {
                    // Prepared once its parameters have values, from which Npgsql infers their types.
                    await command.PrepareAsync();
                    prepared = true;
                }

                await command.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }

        await transaction.CommitAsync();
    }

    public Task<int> CountReceiptsAsync() => CountAsync(Subscriber, "receipts", "");

    public Task<int> CountReceiptsOfVisitAsync(Guid visitId) => CountAsync(Subscriber, "receipts", " WHERE \"VisitId\" = {0}", visitId);

    /// <summary>Inbox messages of the subscriber not yet processed (handled or parked): zero once the pump is idle.</summary>
    public Task<int> CountUnprocessedInboxAsync() => CountAsync(Subscriber, "inbox", " WHERE \"ProcessedAt\" IS NULL");

    public Task<int> CountParkedInboxAsync() => CountAsync(Subscriber, "inbox", " WHERE \"ParkedAt\" IS NOT NULL");

    public Task<int> CountUnrelayedOutboxAsync() => CountAsync(Producer, "outbox", " WHERE \"RelayedAt\" IS NULL");

    private async Task<int> CountAsync(string module, string table, string where, params object[] parameters)
    {
        await using var scope = Root.BeginLifetimeScope();
        var db = scope.ResolveKeyed<ModuleDbContext>(module);
        var entity = db.Model.GetEntityTypes().Single(e => e.GetTableName()!.EndsWith(table, StringComparison.Ordinal));
        return await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {TableOf(db, entity)}{where}", parameters).SingleAsync();
    }

    private static string TableOf(DbContext db, Microsoft.EntityFrameworkCore.Metadata.IEntityType entity) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
