using PracticeSuite.SharedKernel.Hosting.Jobs;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Host.Jobs;

/// <summary>A recurring job: which command it sends and when.</summary>
public sealed record DeclaredJob(string Group, string Name, Type CommandType, TimeSpan? Interval, string? CronExpression, string Description);

/// <summary>Collects what one module declares in <c>DeclareJobs</c>; the group is the module's name.</summary>
public sealed class JobDeclarations(string group) : IJobSchedule
{
    private readonly List<DeclaredJob> _jobs = [];

    public IReadOnlyList<DeclaredJob> Jobs => _jobs;

    public void Every<TCommand>(string name, TimeSpan interval, string description) where TCommand : ICommand, new()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        _jobs.Add(new DeclaredJob(group, name, typeof(TCommand), interval, null, description));
    }

    public void Cron<TCommand>(string name, string cronExpression, string description) where TCommand : ICommand, new()
    {
        if (!Quartz.CronExpression.TryParse(cronExpression, out _))
        {
            throw new ArgumentException($"'{cronExpression}' is not a valid Quartz cron expression.", nameof(cronExpression));
        }

        _jobs.Add(new DeclaredJob(group, name, typeof(TCommand), null, cronExpression, description));
    }
}
