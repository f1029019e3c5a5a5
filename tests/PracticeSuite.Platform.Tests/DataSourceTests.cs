using System.Data.Common;
using Autofac;
using Autofac.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// Every connection the host opens comes from the database's one data source, which the host owns and disposes
/// when it stops: on PostgreSQL that is one connection pool for the modules' contexts, the ADO.NET reads and the
/// job store.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class DataSourceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_host_owns_the_database_and_so_its_data_source()
    {
        await using var factory = new PracticeSuiteFactory(_database, new Dictionary<string, string?>());
        _ = factory.Server;

        // The container disposes the database (and so its data source, which Hangfire's connections also come from)
        // when the host stops.
        Assert.Equal(InstanceOwnership.OwnedByLifetimeScope, Registration<PracticeDatabase>(factory.Container).Ownership);
    }

    [Fact]
    public async Task Contexts_and_ado_net_reads_share_one_pool_until_the_database_is_disposed()
    {
        var database = PracticeDatabase.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(_database.Settings).Build(), Path.GetTempPath());
        await using (database)
        {
            await database.PrepareAsync(Ct);
            await using var context = new DbContext(database.CreateOptions<DbContext>("Alpha"));
            if (database.Provider != DatabaseProvider.Postgres)
            {
                // Microsoft.Data.Sqlite pools by connection string, so EF Core keeps the string: the same pool.
                Assert.Equal(database.ConnectionString, context.Database.GetConnectionString());
                return;
            }

            // The database is new to this test, so its pool starts empty: the connection the context opens and
            // closes again is the one idle connection the ADO.NET read then gets, if and only if they share a pool.
            var contextSession = await context.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync(Ct);
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_backend_pid()";
            Assert.Equal(contextSession, Convert.ToInt32(await command.ExecuteScalarAsync(Ct)));
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => database.PingAsync(Ct));
    }

    private static IComponentRegistration Registration<TService>(ILifetimeScope container) where TService : notnull =>
        container.ComponentRegistry.TryGetRegistration(new TypedService(typeof(TService)), out var registration)
            ? registration
            : throw new InvalidOperationException($"{typeof(TService).Name} is not registered.");
}
