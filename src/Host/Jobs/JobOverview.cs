using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Host.Persistence;
using Quartz;

namespace PracticeSuite.Host.Jobs;

/// <summary>One line of the jobs page.</summary>
public sealed record JobStatus(
    string Group, string Name, string? Description, DateTimeOffset? NextRun, DateTimeOffset? PreviousFire, string TriggerState,
    DateTime? LastFinishedAt, string? LastOutcome, string? LastError, int ConsecutiveFailures, int TotalRuns, int TotalFailures);

/// <summary>Joins what Quartz knows (schedule, next run) with what the host recorded (last run, outcome, failures).</summary>
public sealed class JobOverview(ISchedulerFactory schedulers, ILifetimeScope root)
{
    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, cancellationToken);
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, cancellationToken)).Items
            .GroupBy(t => t.JobKey)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.NextFireTimeUtc ?? DateTimeOffset.MaxValue).First());

        await using var scope = root.BeginLifetimeScope();
        var runs = await scope.Resolve<PlatformDbContext>().JobRuns.AsNoTracking().ToListAsync(cancellationToken);

        return jobs.Items.Select(job =>
        {
            var trigger = triggers.GetValueOrDefault(job.Key);
            var run = runs.FirstOrDefault(r => r.JobGroup == job.Key.Group && r.JobName == job.Key.Name);
            return new JobStatus(
                job.Key.Group, job.Key.Name, job.Description, trigger?.NextFireTimeUtc, trigger?.PreviousFireTimeUtc,
                trigger?.State.ToString() ?? "No trigger",
                run?.LastFinishedAt, run?.LastOutcome, run?.LastError, run?.ConsecutiveFailures ?? 0, run?.TotalRuns ?? 0, run?.TotalFailures ?? 0);
        }).ToList();
    }
}
