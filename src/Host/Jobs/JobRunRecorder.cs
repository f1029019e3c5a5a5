using PracticeSuite.Host.Persistence;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Time;
using Quartz;

namespace PracticeSuite.Host.Jobs;

/// <summary>
/// Keeps each job's last run, outcome and failures for the jobs page (Quartz keeps only the schedule). Each
/// start and end is one upsert over ADO.NET: jobs fire every few seconds on an idle host, and bookkeeping that
/// went through EF Core would build the platform's model and keep it in memory just to count runs.
/// </summary>
public sealed class JobRunRecorder(PracticeDatabase database, IClock clock) : IJobListener
{
    public const int MaxErrorLength = 2000;

    public string Name => "PracticeSuite.JobRunRecorder";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        UpsertAsync(context.JobDetail.Key,
            """
            ("JobGroup", "JobName", "LastStartedAt", "ConsecutiveFailures", "TotalRuns", "TotalFailures")
            VALUES (@group, @name, @now, 0, 0, 0)
            """,
            """
            "LastStartedAt" = @now
            """,
            error: null, cancellationToken);

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is null)
        {
            return UpsertAsync(context.JobDetail.Key,
                """
                ("JobGroup", "JobName", "LastFinishedAt", "LastOutcome", "ConsecutiveFailures", "TotalRuns", "TotalFailures")
                VALUES (@group, @name, @now, 'Succeeded', 0, 1, 0)
                """,
                """
                "LastFinishedAt" = @now, "LastOutcome" = 'Succeeded', "LastError" = NULL, "ConsecutiveFailures" = 0,
                "TotalRuns" = run."TotalRuns" + 1
                """,
                error: null, cancellationToken);
        }

        var message = (jobException.InnerException ?? jobException).Message;
        return UpsertAsync(context.JobDetail.Key,
            """
            ("JobGroup", "JobName", "LastFinishedAt", "LastOutcome", "LastError", "ConsecutiveFailures", "TotalRuns", "TotalFailures")
            VALUES (@group, @name, @now, 'Failed', @error, 1, 1, 1)
            """,
            """
            "LastFinishedAt" = @now, "LastOutcome" = 'Failed', "LastError" = @error,
            "ConsecutiveFailures" = run."ConsecutiveFailures" + 1, "TotalRuns" = run."TotalRuns" + 1, "TotalFailures" = run."TotalFailures" + 1
            """,
            message.Length > MaxErrorLength ? message[..MaxErrorLength] : message, cancellationToken);
    }

    /// <summary>Inserts the job's row, or updates it where it exists (both providers know ON CONFLICT).</summary>
    private async ValueTask UpsertAsync(JobKey key, string insert, string update, string? error, CancellationToken cancellationToken)
    {
        var table = database.QualifiedTable(PlatformDbContext.Name, JobRun.Table);
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The alias names the stored row in the update; PostgreSQL would find a bare column ambiguous with EXCLUDED's.
        command.CommandText = $"""INSERT INTO {table} AS run {insert} ON CONFLICT ("JobGroup", "JobName") DO UPDATE SET {update}""";
        command.AddParameter("@group", key.Group);
        command.AddParameter("@name", key.Name);
        var now = clock.UtcNow;
        command.AddParameter("@now", now.Kind == DateTimeKind.Utc ? now : DateTime.SpecifyKind(now, DateTimeKind.Utc));
        if (error is not null)
        {
            command.AddParameter("@error", error);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
