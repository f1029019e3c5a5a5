using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// Who a staff task is for: one person (<see cref="UserId"/>), the account of a therapist profile
/// (<see cref="TherapistId"/>, what modules know of therapists), or everyone in a staff role (<see cref="Role"/>).
/// Exactly one is set.
/// </summary>
public sealed record TaskAssignee
{
    public string? UserId { get; init; }

    /// <summary>
    /// A therapist profile: the task goes to its account. A profile without an active account gives the task to the
    /// managers instead, so that someone sees it.
    /// </summary>
    public Guid? TherapistId { get; init; }

    /// <summary>Manager, Therapist or Reception (never Client).</summary>
    public PracticeRole? Role { get; init; }

    public static TaskAssignee Person(string userId) => new() { UserId = userId };

    public static TaskAssignee Therapist(Guid therapistId) => new() { TherapistId = therapistId };

    public static TaskAssignee Everyone(PracticeRole role) => new() { Role = role };
}

/// <summary>The record a task is about, described by the module that owns it (the platform reads no module's tables).</summary>
/// <param name="Module">The owning module's name, e.g. <c>Clients</c>.</param>
/// <param name="RecordId">The record's id in that module.</param>
/// <param name="Label">What the task list shows for the record, e.g. the client's name.</param>
/// <param name="Path">The record's page from the site's root, e.g. <c>/Clients/{id}</c>.</param>
/// <param name="ClientId">The client the record belongs to, if any: the task is removed when that client is erased.</param>
public sealed record TaskSubject(string Module, string RecordId, string Label, string Path, Guid? ClientId = null);

/// <summary>
/// Puts a task on the clinic's task list (the platform's), in the sender's transaction when a command is running.
/// With an <see cref="IdempotencyKey"/> a second request with the same key creates nothing and answers the first
/// task's id, so an event handler that runs twice makes one task.
/// </summary>
/// <param name="DueOn">A clinic-local date, today or later.</param>
public sealed record CreateStaffTask(
    string? Title, string? Details, TaskAssignee? Assignee, DateOnly? DueOn, TaskSubject? About = null, string? IdempotencyKey = null)
    : ICommand<Guid>;

/// <summary>
/// Marks done every open task about a module's record (the work the task asked for happened, e.g. a clearance was
/// recorded); answers how many it closed. Done tasks stay done.
/// </summary>
public sealed record CompleteStaffTasksAbout(string Module, string RecordId) : ICommand<int>;

/// <summary>Removes every task about a client who is being erased (titles and labels may carry the client's name).</summary>
public sealed record ForgetClientTasks(Guid ClientId) : ICommand<int>;

/// <summary>
/// A module's counts on the staff home page (issue 17): each is a number of records needing someone's action, with
/// a link to a list of exactly those records. Registered in a module's <c>Register</c>, so a disabled module adds
/// none. Called on every home page view: count with one query per figure, and answer only what the signed-in
/// person (<see cref="ICurrentUser"/>) may see.
/// </summary>
public interface IHomeDashboardContributor
{
    Task<IReadOnlyList<DashboardCount>> CountsAsync(CancellationToken cancellationToken);
}

/// <param name="Label">What is counted, in plain words ("Clients without an intake").</param>
/// <param name="Path">A list of exactly the records counted.</param>
/// <param name="Order">Position among every module's counts; lower comes first.</param>
public sealed record DashboardCount(string Label, int Count, string Path, int Order = 100);
