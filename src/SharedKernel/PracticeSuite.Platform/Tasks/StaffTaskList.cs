using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Audit;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Messaging;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Platform.Tasks;

/// <summary>Which tasks a list shows: the signed-in person's (theirs and their role's) or, for a manager, everyone's.</summary>
internal enum TaskScope
{
    Mine,
    All,
}

/// <summary>A task as a list shows it, with the people's names looked up.</summary>
internal sealed record StaffTaskRow(StaffTaskRecord Task, string AssignedTo, string? DoneBy, bool Overdue);

/// <summary>
/// The clinic's task list. Every change writes its audit entry in the same save, so inside a module's command both
/// join that command's transaction (and roll back with it), and on a page both commit together.
/// Who sees a task is decided here, once (<see cref="Visible"/>): a manager every task; other staff the tasks for
/// them or for their role; clients and visitors none.
/// </summary>
internal sealed class StaffTaskList(AccountsDbContext db, ICurrentUser currentUser, ClinicCalendar calendar)
{
    public const int HomeListSize = 8;
    public const int PageSize = 200;

    public DateOnly Today => calendar.Today;

    private bool IsStaff => currentUser.Role is { } role && StaffAccounts.IsStaffRole(role) && currentUser.UserId is not null;

    private bool IsManager => currentUser.Role == PracticeRole.Manager && currentUser.UserId is not null;

    /// <summary>The tasks the signed-in person may see at all.</summary>
    public IQueryable<StaffTaskRecord> Visible()
    {
        if (IsManager)
        {
            return db.StaffTasks;
        }

        return IsStaff ? ForMe() : db.StaffTasks.Where(_ => false);
    }

    /// <summary>The tasks for the signed-in person or for their role (a manager's own list too).</summary>
    private IQueryable<StaffTaskRecord> ForMe()
    {
        if (!IsStaff)
        {
            return db.StaffTasks.Where(_ => false);
        }

        var userId = currentUser.UserId;
        var role = currentUser.Role!.Value.ToString();
        return db.StaffTasks.Where(t => t.AssigneeUserId == userId || t.AssigneeRole == role);
    }

    public async Task<Guid> CreateAsync(CreateStaffTask request, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is { } key && await db.StaffTasks.AsNoTracking().Where(t => t.IdempotencyKey == key).Select(t => (Guid?)t.Id)
                .SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var (userId, role) = await ResolveAsync(request.Assignee!, cancellationToken);
        var task = new StaffTaskRecord
        {
            Id = Guid.CreateVersion7(),
            Title = request.Title!.Trim(),
            Details = string.IsNullOrWhiteSpace(request.Details) ? null : request.Details.Trim(),
            AssigneeUserId = userId,
            AssigneeRole = role?.ToString(),
            DueOn = request.DueOn!.Value,
            AboutModule = request.About?.Module,
            AboutRecordId = request.About?.RecordId,
            AboutLabel = request.About?.Label.Trim(),
            AboutPath = request.About?.Path,
            ClientId = request.About?.ClientId,
            IdempotencyKey = request.IdempotencyKey,
            CreatedAt = calendar.UtcNow,
            CreatedByUserId = currentUser.UserId,
        };
        db.StaffTasks.Add(task);
        db.AuditRecords.Add(Entry(StaffTaskAudit.Created, task.Id));
        await db.SaveChangesAsync(cancellationToken);
        return task.Id;
    }

    /// <summary>Marks a task the signed-in person may see done, or not done; false when they may not see it (or it does not exist).</summary>
    public async Task<bool> SetDoneAsync(Guid taskId, bool done, CancellationToken cancellationToken)
    {
        var task = await Visible().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return false;
        }

        if (task.IsDone == done)
        {
            return true; // already so (a second click, another tab): nothing changes, nothing is recorded
        }

        task.DoneAt = done ? calendar.UtcNow : null;
        task.DoneByUserId = done ? currentUser.UserId : null;
        db.AuditRecords.Add(Entry(done ? StaffTaskAudit.Done : StaffTaskAudit.Reopened, task.Id));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<int> CompleteAboutAsync(string module, string recordId, CancellationToken cancellationToken)
    {
        var open = await db.StaffTasks.Where(t => t.AboutModule == module && t.AboutRecordId == recordId && t.DoneAt == null).ToListAsync(cancellationToken);
        foreach (var task in open)
        {
            task.DoneAt = calendar.UtcNow;
            task.DoneByUserId = currentUser.UserId;
            db.AuditRecords.Add(Entry(StaffTaskAudit.Done, task.Id));
        }

        if (open.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return open.Count;
    }

    public async Task<int> ForgetClientAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var tasks = await db.StaffTasks.Where(t => t.ClientId == clientId).ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            db.StaffTasks.Remove(task);
            db.AuditRecords.Add(Entry(StaffTaskAudit.Removed, task.Id));
        }

        if (tasks.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return tasks.Count;
    }

    /// <summary>The Tasks page's list: open ones by due day (overdue first), done ones most recent first.</summary>
    public async Task<IReadOnlyList<StaffTaskRow>> ListAsync(TaskScope scope, bool done, CancellationToken cancellationToken)
    {
        var source = scope == TaskScope.All && IsManager ? Visible() : ForMe();
        var query = done
            ? source.Where(t => t.DoneAt != null).OrderByDescending(t => t.DoneAt)
            : source.Where(t => t.DoneAt == null).OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt);
        return await RowsAsync(await query.Take(PageSize).AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>"My tasks" on the home page: the first open tasks for me or my role, overdue first.</summary>
    public async Task<IReadOnlyList<StaffTaskRow>> MyOpenTasksAsync(CancellationToken cancellationToken) =>
        await RowsAsync(
            await ForMe().Where(t => t.DoneAt == null).OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).Take(HomeListSize).AsNoTracking().ToListAsync(cancellationToken),
            cancellationToken);

    /// <summary>Open tasks: everyone's for a manager (the clinic's), otherwise the person's own and their role's. One query.</summary>
    public Task<int> CountOpenAsync(TaskScope scope, CancellationToken cancellationToken) =>
        (scope == TaskScope.All && IsManager ? Visible() : ForMe()).CountAsync(t => t.DoneAt == null, cancellationToken);

    /// <summary>The staff a task may be given to by hand: active staff accounts, by name.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> AssignableStaffAsync(CancellationToken cancellationToken)
    {
        var staffRoles = StaffAccounts.Roles.Select(r => r.ToString()).ToList();
        var people = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where user.DeactivatedAt == null && staffRoles.Contains(role.Name!)
                orderby user.DisplayName
                select new { user.Id, user.DisplayName })
            .AsNoTracking().ToListAsync(cancellationToken);
        return people.DistinctBy(p => p.Id).Select(p => (p.Id, p.DisplayName)).ToList();
    }

    private async Task<(string? UserId, PracticeRole? Role)> ResolveAsync(TaskAssignee assignee, CancellationToken cancellationToken)
    {
        if (assignee.Role is { } role)
        {
            return (null, role);
        }

        if (assignee.TherapistId is { } therapistId)
        {
            var account = await db.Users.AsNoTracking().Where(u => u.TherapistId == therapistId && u.DeactivatedAt == null)
                .Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            return account is null ? (null, PracticeRole.Manager) : (account, null);
        }

        var userId = assignee.UserId!;
        if (!(await AssignableStaffAsync(cancellationToken)).Any(p => p.Id == userId))
        {
            throw RequestValidationException.For(nameof(CreateStaffTask.Assignee), "Choose someone on the clinic's staff: that person has no active staff account.");
        }

        return (userId, null);
    }

    private async Task<IReadOnlyList<StaffTaskRow>> RowsAsync(IReadOnlyList<StaffTaskRecord> tasks, CancellationToken cancellationToken)
    {
        var ids = tasks.SelectMany(t => new[] { t.AssigneeUserId, t.DoneByUserId }).OfType<string>().Distinct().ToList();
        var names = ids.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var today = Today;
        return tasks.Select(t => new StaffTaskRow(
                t,
                t.AssigneeUserId is { } person ? names.GetValueOrDefault(person, "A former account") : RoleName(t.AssigneeRole),
                t.DoneByUserId is { } doneBy ? names.GetValueOrDefault(doneBy, "A former account") : t.DoneAt is null ? null : AuditNames.System,
                t.IsOverdue(today)))
            .ToList();
    }

    public static string RoleName(string? role) => role switch
    {
        nameof(PracticeRole.Manager) => "All managers",
        nameof(PracticeRole.Therapist) => "All therapists",
        nameof(PracticeRole.Reception) => "Reception",
        _ => "Nobody",
    };

    private AuditRecord Entry(AuditAction action, Guid taskId) => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = calendar.UtcNow,
        UserId = currentUser.UserId,
        Role = currentUser.Role?.ToString(),
        Action = action.Code,
        Kind = action.Kind,
        RecordType = StaffTaskAudit.RecordType,
        RecordId = taskId.ToString(),
        IpAddress = currentUser.IpAddress is { Length: > 64 } ip ? ip[..64] : currentUser.IpAddress,
    };
}
