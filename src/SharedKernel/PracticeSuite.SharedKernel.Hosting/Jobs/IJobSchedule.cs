using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Jobs;

/// <summary>
/// Where a module declares its recurring jobs (Hangfire recurring jobs named <c>Module.name</c>). A job stays
/// thin: it sends one command, so logging, validation and the transaction apply as for any other command, and
/// it must be idempotent (a job can run again after a crash). Business schedules (reminders due, review requests)
/// live in the module's tables and are picked up by such a scanning job. A declaration the rules below refuse
/// stops start-up with the job's name.
/// </summary>
public interface IJobSchedule
{
    /// <summary>
    /// Sends a new <typeparamref name="TCommand"/> every <paramref name="interval"/>: at least 15 s and dividing an
    /// hour on a whole second or minute (15, 20 or 30 s; 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60 min), so that the
    /// runs fall on the same clock times on every node and after every restart.
    /// </summary>
    void Every<TCommand>(string name, TimeSpan interval, string description) where TCommand : ICommand, new();

    /// <summary>
    /// Sends a new <typeparamref name="TCommand"/> on a 5-field cron schedule (minute hour day month weekday) in
    /// the clinic's time zone (<c>Clinic:TimeZone</c>), e.g. <c>30 3 * * *</c> for 03:30 at the clinic every day.
    /// </summary>
    void Cron<TCommand>(string name, string cronExpression, string description) where TCommand : ICommand, new();
}
