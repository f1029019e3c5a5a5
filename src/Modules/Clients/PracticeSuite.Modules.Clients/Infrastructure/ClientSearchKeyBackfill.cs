using Autofac;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Clients.Infrastructure;

/// <summary>
/// At start-up, gives every client saved before search keys existed (migration AddClientSearchKeys) its key and
/// rebuilds its terms, in batches that each commit on their own. Keys are built by the module's normaliser, which
/// SQL cannot repeat on both providers, so this cannot be part of the migration. On a database already up to date it
/// costs one indexed existence query and builds no EF model (ADR 0009).
/// </summary>
internal sealed partial class ClientSearchKeyBackfill(ILifetimeScope root, ILogger<ClientSearchKeyBackfill> logger) : IHostedService
{
    public const int BatchSize = 500;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = root.Resolve<DbContextOptions<ClientsDbContext>>();
        var done = await RunAsync(root.Resolve<PracticeDatabase>(), () => new ClientsDbContext(options), cancellationToken);
        if (done > 0)
        {
            LogBackfilled(logger, done);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Indexes every unerased client without a key; returns how many. <paramref name="createContext"/> gives a new context per call.</summary>
    public static async Task<int> RunAsync(PracticeDatabase database, Func<ClientsDbContext> createContext, CancellationToken cancellationToken)
    {
        if (!await AnyMissingAsync(database, cancellationToken))
        {
            return 0;
        }

        var done = 0;
        while (true)
        {
            // A fresh context per batch keeps the change tracker small; each SaveChanges is one transaction.
            await using var db = createContext();
            var batch = await db.Clients
                .Where(c => c.ErasedAt == null && c.SearchKey == null)
                .OrderBy(c => c.Id)
                .Include(c => c.SearchTerms)
                .AsSplitQuery()
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            batch.ForEach(c => c.IndexForSearch());
            await db.SaveChangesAsync(cancellationToken);
            done += batch.Count;
        }
    }

    /// <summary>Whether any unerased client has no key, asked with ADO.NET so an up-to-date start builds no EF Core model.</summary>
    private static async Task<bool> AnyMissingAsync(PracticeDatabase database, CancellationToken cancellationToken)
    {
        var naming = new ModuleTableNaming(ClientsMigration.Module, database.Provider);
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT 1 FROM {naming.QualifiedTable("clients")} c WHERE c.\"ErasedAt\" IS NULL " +
            $"AND NOT EXISTS (SELECT 1 FROM {naming.QualifiedTable("client_search_keys")} k WHERE k.\"ClientId\" = c.\"Id\") LIMIT 1";
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clients: built the search key of {Count} clients saved before keys existed")]
    private static partial void LogBackfilled(ILogger logger, int count);
}
