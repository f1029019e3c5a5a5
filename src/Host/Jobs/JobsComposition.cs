using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Autofac;
using Autofac.Extensions.DependencyInjection;
using PracticeSuite.Host.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using Quartz;

namespace PracticeSuite.Host.Jobs;

/// <summary>
/// One Quartz scheduler for the host, its persistent store in the shared database (schema created when
/// missing), clustered on PostgreSQL so a firing runs on exactly one node. Configured when the scheduler is
/// first created, from the final configuration.
/// </summary>
public static class JobsComposition
{
    public const string PlatformGroup = "Platform";

    /// <summary>
    /// Registers Quartz into the container while the host is built, when the configuration is final (the
    /// database it stores jobs in is only known then).
    /// </summary>
    public static void RegisterPracticeJobs(this ContainerBuilder container, PracticeDatabase database, IConfiguration configuration)
    {
        var services = new ServiceCollection();
        // Every node of a cluster shares the name; separate hosts in one process (tests) need different ones.
        var schedulerName = configuration["Jobs:SchedulerName"] ?? "PracticeSuite";
        services.Configure<QuartzOptions>(options => options.Properties["quartz.scheduler.instanceName"] = schedulerName);
        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(2);
            quartz.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(source => source.UseRegisteredDataSource = true);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                }
                else
                {
                    store.UseSqlite(source => source.UseRegisteredDataSource = true);
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        container.Populate(services);
        // The store takes its connections from the database's data source rather than a connection string: Quartz
        // then tells schedulers that share a database apart by the data source itself, instead of fingerprinting the
        // connection string with SHA-256, which loaded OpenSSL at every start (ADR 0010), and on PostgreSQL it
        // shares the host's one connection pool. PracticeDatabase owns the data source and disposes it.
        container.Register(_ => database.DataSource).As<DbDataSource>().SingleInstance().ExternallyOwned();
        container.RegisterType<JobRunRecorder>().SingleInstance();
        container.RegisterType<JobOverview>().SingleInstance();
    }

    /// <summary>
    /// Makes the scheduler's jobs exactly the declared ones: declared jobs are (re)scheduled, and jobs of a
    /// module that is disabled or gone, or no longer declared, are deleted rather than left to fail.
    /// </summary>
    public static async Task SynchroniseAsync(IScheduler scheduler, IReadOnlyList<DeclaredJob> declared, ILogger logger, CancellationToken cancellationToken)
    {
        var wanted = declared.Select(j => new JobKey(j.Name, j.Group)).ToHashSet();
        var existingJobs = await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, cancellationToken);
        foreach (var existing in existingJobs.Items.Select(j => j.Key))
        {
            if (!wanted.Contains(existing))
            {
                logger.LogInformation("Removing job {Job}: its module is not loaded or no longer declares it", existing);
                await scheduler.DeleteJob(existing, cancellationToken);
            }
        }

        foreach (var job in declared)
        {
            if (await IsScheduledAsDeclaredAsync(scheduler, job, cancellationToken))
            {
                continue; // left alone, so a restart neither rewrites the store nor shifts the job's next run
            }

            var detail = JobBuilder.Create<CommandJob>()
                .WithIdentity(job.Name, job.Group)
                .WithDescription(job.Description)
                .UsingJobData(CommandJob.CommandTypeKey, job.CommandType.AssemblyQualifiedName!)
                .StoreDurably()
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(job.Name, job.Group)
                .ForJob(detail);
            trigger = job.CronExpression is { } cron
                ? trigger.WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                : trigger.StartNow().WithSimpleSchedule(s => s.WithInterval(job.Interval!.Value).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
            await scheduler.ScheduleJob(detail, [trigger.Build()], new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
    }

    private static async Task<bool> IsScheduledAsDeclaredAsync(IScheduler scheduler, DeclaredJob job, CancellationToken cancellationToken)
    {
        var detail = await scheduler.GetJobDetail(new JobKey(job.Name, job.Group), cancellationToken);
        if (detail is null
            || detail.Description != job.Description
            || detail.JobDataMap.GetString(CommandJob.CommandTypeKey) != job.CommandType.AssemblyQualifiedName)
        {
            return false;
        }

        var key = new TriggerKey(job.Name, job.Group);
        if (await scheduler.GetTriggerState(key, cancellationToken) is not (TriggerState.Normal or TriggerState.Blocked))
        {
            return false;
        }

        return await scheduler.GetTrigger(key, cancellationToken) switch
        {
            ICronTrigger cron => cron.CronExpressionString == job.CronExpression,
            ISimpleTrigger simple => job.CronExpression is null && simple.RepeatInterval == job.Interval,
            _ => false,
        };
    }

    /// <summary>Healthy while the scheduler runs.</summary>
    private sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return scheduler.Status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy($"Scheduler {scheduler.SchedulerInstanceId} is running.")
                : HealthCheckResult.Unhealthy($"The job scheduler is {scheduler.Status}.");
        }
    }
}
