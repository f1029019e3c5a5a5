using Autofac;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Clients.Infrastructure;

/// <summary>
/// At start-up, rebuilds the search terms and fragments of every client indexed under older rules (below
/// <see cref="Client.CurrentSearchIndexVersion"/>: after migration AddClientSearchFragments, every client saved
/// before it), in batches that each commit on their own. Fragments are made by the module's normaliser, which SQL
/// cannot repeat on both providers, so this cannot be part of the migration. On a database already up to date it
/// costs one indexed existence query and builds no EF Core model (ADR 0009).
/// </summary>
internal sealed partial class ClientSearchIndexBackfill(ILifetimeScope root, ILogger<ClientSearchIndexBackfill> logger) : IHostedService
{
    public const int BatchSize = 500;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = root.Resolve<DbContextOptions<ClientsDbContext>>();
        var done = await RunAsync(root.Resolve<PracticeDatabase>(), () => new ClientsDbContext(options), cancellationToken);
        if (done > 0)
        {
            LogRebuilt(logger, done, Client.CurrentSearchIndexVersion);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Rebuilds every unerased client's search index that is out of date; returns how many. <paramref name="createContext"/> gives a new context per call.</summary>
    public static async Task<int> RunAsync(PracticeDatabase database, Func<ClientsDbContext> createContext, CancellationToken cancellationToken)
    {
        if (!await AnyOutOfDateAsync(database, cancellationToken))
        {
            return 0;
        }

        var done = 0;
        while (true)
        {
            // A fresh context per batch keeps the change tracker small; each SaveChanges is one transaction.
            await using var db = createContext();
            var batch = await db.Clients
                .Where(c => c.ErasedAt == null && c.SearchIndexVersion < Client.CurrentSearchIndexVersion)
                .OrderBy(c => c.Id)
                .Include(c => c.SearchTerms)
                .Include(c => c.SearchFragments)
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

    /// <summary>Whether any unerased client's index is out of date, asked with ADO.NET so an up-to-date start builds no EF Core model.</summary>
    private static async Task<bool> AnyOutOfDateAsync(PracticeDatabase database, CancellationToken cancellationToken)
    {
        var naming = new ModuleTableNaming(ClientsMigration.Module, database.Provider);
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT 1 FROM {naming.QualifiedTable("clients")} c WHERE c.\"SearchIndexVersion\" < @version AND c.\"ErasedAt\" IS NULL LIMIT 1";
        command.AddParameter("@version", Client.CurrentSearchIndexVersion);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clients: rebuilt the search index of {Count} clients under version {Version} of its rules")]
    private static partial void LogRebuilt(ILogger logger, int count, int version);
}
