using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Jobs;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Jobs;

/// <summary>
/// A recurring job: its Hangfire id (<c>Group.name</c>), the command it sends and its 5- or 6-field cron schedule.
/// <see cref="InClinicTime"/> is false for intervals, which are the same in every time zone.
/// </summary>
internal sealed record DeclaredJob(string Group, string Name, Type CommandType, string Cron, bool InClinicTime, string Description)
{
    public string Id => $"{Group}.{Name}";

    /// <summary>The platform's own jobs (sweep, purge, e-mail, backup), declared with the rules modules follow.</summary>
    public static DeclaredJob Every<TCommand>(string group, string name, TimeSpan interval, string description) =>
        new(group, name, typeof(TCommand), JobDeclarations.IntervalCron($"{group}.{name}", interval), false, description);

    public static DeclaredJob OnCron<TCommand>(string group, string name, string cron, string description) =>
        new(group, name, typeof(TCommand), JobDeclarations.CheckedCron($"{group}.{name}", cron), true, description);
}

/// <summary>Collects what one module declares in <c>DeclareJobs</c>; the group is the module's name.</summary>
internal sealed class JobDeclarations(string group) : IJobSchedule
{
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(15);

    private readonly List<DeclaredJob> _jobs = [];

    public IReadOnlyList<DeclaredJob> Jobs => _jobs;

    public void Every<TCommand>(string name, TimeSpan interval, string description) where TCommand : ICommand, new() =>
        _jobs.Add(DeclaredJob.Every<TCommand>(group, name, interval, description));

    public void Cron<TCommand>(string name, string cronExpression, string description) where TCommand : ICommand, new() =>
        _jobs.Add(DeclaredJob.OnCron<TCommand>(group, name, cronExpression, description));

    /// <summary>
    /// The cron schedule of an interval that divides an hour: seconds that divide a minute (15, 20, 30 s) or whole
    /// minutes that divide an hour. Cron cannot say "every 45 s" or "every 7 min" without drifting at the hour.
    /// </summary>
    public static string IntervalCron(string jobId, TimeSpan interval)
    {
        if (interval < ShortestInterval || interval > TimeSpan.FromHours(1) || interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw Refused(jobId, $"runs every {interval}; an interval is at least 15 s and at most an hour, in whole seconds");
        }

        var seconds = (int)interval.TotalSeconds;
        if (seconds < 60)
        {
            return 60 % seconds == 0
                ? $"*/{seconds} * * * * *"
                : throw Refused(jobId, $"runs every {seconds} s; under a minute, an interval must divide a minute (15, 20 or 30 s)");
        }

        if (seconds % 60 != 0 || 60 % (seconds / 60) != 0)
        {
            throw Refused(jobId, $"runs every {interval}; an interval of a minute or more must be whole minutes that divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60)");
        }

        var minutes = seconds / 60;
        return minutes switch
        {
            1 => "* * * * *",
            60 => "0 * * * *",
            _ => $"*/{minutes} * * * *",
        };
    }

    /// <summary>
    /// Checks the form of a 5-field cron expression (minute hour day month weekday). Hangfire parses it again when the
    /// job is registered and its refusal is reported with the job's name, so this only catches the wrong number of
    /// fields and characters no cron field has, which Hangfire would otherwise read as a schedule with seconds.
    /// </summary>
    public static string CheckedCron(string jobId, string cronExpression)
    {
        var fields = (cronExpression ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 5)
        {
            throw Refused(jobId, $"has the cron expression '{cronExpression}'; it needs 5 fields: minute hour day-of-month month day-of-week, e.g. '30 3 * * *'");
        }

        if (fields.Any(field => field.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '*' or '/' or ',' or '-' or '?' or '#'))))
        {
            throw Refused(jobId, $"has the cron expression '{cronExpression}', which has characters no cron field takes");
        }

        return string.Join(' ', fields);
    }

    private static StartupConfigurationException Refused(string jobId, string why) => new($"Job {jobId} {why}.");
}
