using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Email;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Tasks;

/// <summary>
/// The platform's counts on the home page: open tasks for every staff member (a manager's are the clinic's), and for a
/// manager e-mails that failed. One query per figure.
/// </summary>
internal sealed class PlatformDashboard(AccountsDbContext db, StaffTaskList tasks, ICurrentUser currentUser) : IHomeDashboardContributor
{
    public async Task<IReadOnlyList<DashboardCount>> CountsAsync(CancellationToken cancellationToken)
    {
        if (currentUser.Role is not { } role || !StaffAccounts.IsStaffRole(role))
        {
            return [];
        }

        if (role != PracticeRole.Manager)
        {
            return [new DashboardCount("Your open tasks", await tasks.CountOpenAsync(TaskScope.Mine, cancellationToken), "/Tasks", 10)];
        }

        var failed = new[] { EmailStatus.Failed, EmailStatus.GaveUp };
        return
        [
            new DashboardCount("Open tasks in the clinic", await tasks.CountOpenAsync(TaskScope.All, cancellationToken), "/Tasks?scope=all", 10),
            new DashboardCount("E-mails that failed", await db.Emails.CountAsync(e => failed.Contains(e.Status), cancellationToken), "/Manage/Email?failed=true", 810),
        ];
    }
}
