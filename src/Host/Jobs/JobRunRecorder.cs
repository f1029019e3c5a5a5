using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Host.Persistence;
using PracticeSuite.SharedKernel.Time;
using Quartz;

namespace PracticeSuite.Host.Jobs;

/// <summary>Keeps each job's last run, outcome and failures for the jobs page (Quartz keeps only the schedule).</summary>
public sealed class JobRunRecorder(ILifetimeScope root, IClock clock) : IJobListener
{
    public string Name => "PracticeSuite.JobRunRecorder";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        UpdateAsync(context.JobDetail.Key, run => run.LastStartedAt = clock.UtcNow, cancellationToken);

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        UpdateAsync(context.JobDetail.Key, run =>
        {
            run.LastFinishedAt = clock.UtcNow;
            run.TotalRuns++;
            if (jobException is null)
            {
                run.LastOutcome = "Succeeded";
                run.LastError = null;
                run.ConsecutiveFailures = 0;
            }
            else
            {
                run.LastOutcome = "Failed";
                var error = (jobException.InnerException ?? jobException).Message;
                run.LastError = error.Length > 2000 ? error[..2000] : error;
                run.ConsecutiveFailures++;
                run.TotalFailures++;
            }
        }, cancellationToken);

    private async ValueTask UpdateAsync(JobKey key, Action<JobRun> change, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<PlatformDbContext>();
        var run = await db.JobRuns.SingleOrDefaultAsync(r => r.JobGroup == key.Group && r.JobName == key.Name, cancellationToken);
        if (run is null)
        {
            run = new JobRun { JobGroup = key.Group, JobName = key.Name };
            db.JobRuns.Add(run);
        }

        change(run);
        await db.SaveChangesAsync(cancellationToken);
    }
}
