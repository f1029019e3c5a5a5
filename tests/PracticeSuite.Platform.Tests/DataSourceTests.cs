using System.Data.Common;
using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// Every connection the host opens comes from the database's one data source, which the host disposes when it
/// stops: on PostgreSQL that is one connection pool for the modules' contexts, the ADO.NET reads and the job store.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class DataSourceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Contexts_reads_and_the_job_store_use_the_one_data_source_until_the_host_stops()
    {
        PracticeDatabase database;
        await using (var factory = new PracticeSuiteFactory(_database, new Dictionary<string, string?>()))
        {
            _ = factory.Server;
            database = factory.Container.Resolve<PracticeDatabase>();
            Assert.Same(database.DataSource, factory.Container.Resolve<DbDataSource>()); // the job store's

            await using var context = new DbContext(database.CreateOptions<DbContext>("Alpha"));
            Assert.Equal(1, await context.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(Ct));
            await database.PingAsync(Ct);
        }

        await using var afterStop = new DbContext(database.CreateOptions<DbContext>("Alpha"));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Stopping the host disposed Npgsql's data source, and with it the pool that every connection came from.
            await Assert.ThrowsAsync<ObjectDisposedException>(() => afterStop.Database.OpenConnectionAsync(Ct));
            await Assert.ThrowsAsync<ObjectDisposedException>(() => database.PingAsync(Ct));
        }
        else
        {
            // Microsoft.Data.Sqlite pools by connection string, so EF Core keeps the string, and the file stays usable.
            Assert.Equal(database.ConnectionString, afterStop.Database.GetConnectionString());
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
