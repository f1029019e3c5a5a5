using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Jobs;

/// <summary><c>Jobs:*</c> settings.</summary>
internal sealed class JobsOptions
{
    /// <summary>Workers of this node's job server. SQLite has one writer: more than a few only wait for each other.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// How long a fetched job stays invisible to other workers. On SQLite, which cannot extend it while a job runs,
    /// it must exceed the longest job (e-mail delivery: 50 messages at most, each at most <c>Email:Smtp:Timeout</c>),
    /// and it is also how long a job that a crash interrupted waits before it runs again. On PostgreSQL the running
    /// job's server keeps extending it (sliding), so it only bounds that crash-recovery wait.
    /// </summary>
    public TimeSpan? InvisibilityTimeout { get; set; }

    public TimeSpan EffectiveInvisibilityTimeout(DatabaseProvider provider) =>
        InvisibilityTimeout ?? (provider == DatabaseProvider.Postgres ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(30));
}

/// <summary>
/// Hangfire for the host: storage by <c>Database:Provider</c> (PostgreSQL: schema <c>hangfire</c> of the practice
/// database, shared by every node; SQLite: its own file beside the practice database, one node), one job server per
/// host, the recurring jobs made exactly the declared ones at start, and the server's heartbeat in <c>/health</c>.
/// Nothing here uses Hangfire's static <c>JobStorage.Current</c>: the storage, clients and server come from the
/// container, so hosts in one process (tests) each have their own.
/// </summary>
internal static class JobsComposition
{
    public const string PlatformGroup = "Platform";
    public const string DashboardPath = "/Operations/Jobs";
    public const string SqliteFileName = "hangfire.db";
    public const string PostgresSchema = "hangfire";

    public static void AddPracticeJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration("Jobs")
            .Validate(o => o.WorkerCount is >= 1 and <= 100, "Jobs:WorkerCount must be between 1 and 100.")
            .Validate(o => o.InvisibilityTimeout is null || o.InvisibilityTimeout >= TimeSpan.FromMinutes(1), "Jobs:InvisibilityTimeout must be at least a minute.")
            .ValidateOnStart();
        services.AddSingleton<PracticeJobStorage>();
        services.AddSingleton<JobStorage>(provider => provider.GetRequiredService<PracticeJobStorage>().Storage);
        services.AddSingleton<JobServerIdentity>();
        // Left to AddHangfire, the server's activator is the static JobActivator.Current, which the last host built in
        // the process set: another host's container would create this host's jobs (tests run many hosts at once).
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) =>
        {
            HangfireLogProvider.Instance.Attach(provider.GetRequiredService<ILoggerFactory>());
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireLogProvider.Instance);
        });
        services.AddHangfireServer((provider, server) =>
        {
            var options = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.ServerName = provider.GetRequiredService<JobServerIdentity>().ServerName;
            server.WorkerCount = options.WorkerCount;
            // Recurring and delayed jobs are looked for this often: as often as the shortest interval a job may declare.
            server.SchedulePollingInterval = JobDeclarations.ShortestInterval;
        });
        services.AddHealthChecks().AddCheck<JobServerHealthCheck>("jobs");
    }

    /// <summary>
    /// Makes the storage's recurring jobs exactly the declared ones: declared jobs are added or updated (an unchanged
    /// job keeps its next run), and jobs of a module that is disabled or gone, or no longer declared, are removed
    /// rather than left to fail.
    /// </summary>
    public static void Synchronise(JobStorage storage, IRecurringJobManager manager, IReadOnlyList<DeclaredJob> declared, TimeZoneInfo clinicZone, ILogger logger)
    {
        var wanted = declared.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        using (var connection = storage.GetConnection())
        {
            foreach (var existing in connection.GetRecurringJobs().Where(j => !wanted.Contains(j.Id)))
            {
                logger.LogInformation("Removing job {Job}: its module is not loaded or no longer declares it", existing.Id);
                manager.RemoveIfExists(existing.Id);
            }
        }

        foreach (var job in declared)
        {
            var requestType = job.CommandType.AssemblyQualifiedName!;
            var call = Job.FromExpression<CommandJob>(j => j.RunAsync(job.Id, job.Description, requestType, null, CancellationToken.None));
            try
            {
                manager.AddOrUpdate(job.Id, call, job.Cron, new RecurringJobOptions { TimeZone = job.InClinicTime ? clinicZone : TimeZoneInfo.Utc });
            }
            catch (ArgumentException exception)
            {
                throw new StartupConfigurationException(
                    $"Job {job.Id} has the cron expression '{job.Cron}', which is not valid: {(exception.InnerException ?? exception).Message}");
            }
        }
    }
}

/// <summary>This host's job server's name, unique per process, so the health check finds its own heartbeat.</summary>
internal sealed class JobServerIdentity
{
    public string ServerName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();
}

/// <summary>
/// The job storage, created on first use: in start-up's preparation, so that a PostgreSQL role that may not create
/// the <c>hangfire</c> schema stops start-up with one message that says how to fix it.
/// </summary>
internal sealed class PracticeJobStorage(PracticeDatabase database, IOptions<JobsOptions> options) : IDisposable
{
    private readonly Lazy<JobStorage> _storage = new(() => Create(database, options.Value));

    public JobStorage Storage => _storage.Value;

    private static JobStorage Create(PracticeDatabase database, JobsOptions options)
    {
        var invisibility = options.EffectiveInvisibilityTimeout(database.Provider);
        if (database.Provider != DatabaseProvider.Postgres)
        {
            // Its own file: Hangfire's tables (Job, State, Set…) have generic names, and its polling would take the
            // practice database's one write lock. A plain path, not a connection string, is what it expects.
            Directory.CreateDirectory(database.DataDirectory);
            return new SQLiteStorage(Path.Combine(database.DataDirectory, JobsComposition.SqliteFileName), new SQLiteStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(1),
                InvisibilityTimeout = invisibility,
            });
        }

        EnsureSchemaCanExist(database);
        return new PostgreSqlStorage(new DataSourceConnectionFactory(database), new PostgreSqlStorageOptions
        {
            SchemaName = JobsComposition.PostgresSchema,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true, // without it a job longer than the timeout starts again, and again
            InvisibilityTimeout = invisibility,
            // Long polling (LISTEN/NOTIFY) left jobs enqueued and untaken for minutes when several workers raced for them
            // (1–2 of 10,000 in three of four drains, build/bench/README.md); a 1 s poll of each worker costs one small
            // query a second and takes every job.
            EnableLongPolling = false,
            QueuePollInterval = TimeSpan.FromSeconds(1),
        });
    }

    /// <summary>
    /// Hangfire's installer logs a schema it may not create and retries for half a minute, then the host runs with a job
    /// engine that cannot work; asking first turns that into one start-up message with the fix.
    /// </summary>
    private static void EnsureSchemaCanExist(PracticeDatabase database)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = @schema) OR has_database_privilege(current_database(), 'CREATE')";
        var schema = command.CreateParameter();
        schema.ParameterName = "schema";
        schema.Value = JobsComposition.PostgresSchema;
        command.Parameters.Add(schema);
        if (command.ExecuteScalar() is true)
        {
            return;
        }

        var role = new NpgsqlConnectionStringBuilder(database.ConnectionString).Username ?? "<the role of ConnectionStrings:Practice>";
        throw new StartupConfigurationException(
            $"the database role \"{role}\" may not create the job engine's schema '{JobsComposition.PostgresSchema}' in database \"{connection.Database}\". " +
            $"Create it once as an administrator: CREATE SCHEMA {JobsComposition.PostgresSchema} AUTHORIZATION \"{role}\";");
    }

    public void Dispose()
    {
        if (_storage.IsValueCreated && _storage.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    /// <summary>Hangfire's connections come from the practice database's data source: one pool per host.</summary>
    private sealed class DataSourceConnectionFactory(PracticeDatabase database) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => (NpgsqlConnection)database.DataSource.CreateConnection();
    }
}

/// <summary>Healthy while this host's job server sends its heartbeat.</summary>
internal sealed class JobServerHealthCheck(JobStorage storage, JobServerIdentity identity) : IHealthCheck
{
    /// <summary>Hangfire beats every 30 s; two missed beats mean the server is stuck or gone.</summary>
    public static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromSeconds(75);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var prefix = identity.ServerName + ":";
        var server = storage.GetMonitoringApi().Servers().FirstOrDefault(s => s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        if (server?.Heartbeat is not { } heartbeat)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The job server {identity.ServerName} has not announced itself yet."));
        }

        // Hangfire stamps heartbeats with the system clock, so their age is measured on it too, not on the host's TimeProvider.
        var age = DateTime.UtcNow - (heartbeat.Kind == DateTimeKind.Local ? heartbeat.ToUniversalTime() : heartbeat);
        return Task.FromResult(age <= MaxHeartbeatAge
            ? HealthCheckResult.Healthy($"Job server {server.Name}: {server.WorkersCount} workers, last heartbeat {Math.Max(0, age.TotalSeconds):0} s ago.")
            : HealthCheckResult.Unhealthy($"The job server {server.Name} last sent its heartbeat {age.TotalSeconds:0} s ago."));
    }
}
