using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Jobs;

/// <summary>
/// Where a module declares its recurring jobs. A job stays thin: it sends one command, so logging,
/// validation and the transaction apply as for any other command. Business schedules (reminders due,
/// review requests) live in the module's tables and are picked up by such a scanning job.
/// </summary>
public interface IJobSchedule
{
    /// <summary>Sends a new <typeparamref name="TCommand"/> every <paramref name="interval"/>.</summary>
    void Every<TCommand>(string name, TimeSpan interval, string description) where TCommand : ICommand, new();

    /// <summary>Sends a new <typeparamref name="TCommand"/> on a Quartz cron schedule (UTC), e.g. <c>0 0 6 * * ?</c>.</summary>
    void Cron<TCommand>(string name, string cronExpression, string description) where TCommand : ICommand, new();
}
