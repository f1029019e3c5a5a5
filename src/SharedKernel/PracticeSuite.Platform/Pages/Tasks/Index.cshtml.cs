using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Platform.Tasks;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Pages.Tasks;

/// <summary>
/// The clinic's task list for staff: the person's own and their role's tasks, and for a manager everyone's; open or done.
/// Marking a task done or not done is the platform's own change (ADR 0014): <see cref="StaffTaskList"/> writes it and
/// its audit entry together.
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(StaffTaskList tasks) : PageModel
{
    /// <summary><c>all</c>: every task in the clinic (managers); anything else: mine.</summary>
    [BindProperty(SupportsGet = true, Name = "scope")]
    public string? Scope { get; set; }

    /// <summary><c>done</c>: the finished tasks; anything else: the open ones.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public bool IsManager => User.IsInRole(nameof(PracticeRole.Manager));

    public bool ShowsAll => IsManager && Scope == "all";

    public bool ShowsDone => Status == "done";

    public DateOnly Today => tasks.Today;

    public IReadOnlyList<StaffTaskRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await tasks.ListAsync(ShowsAll ? TaskScope.All : TaskScope.Mine, ShowsDone, cancellationToken);

    public Task<IActionResult> OnPostDoneAsync(Guid id, CancellationToken cancellationToken) => SetAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostUndoneAsync(Guid id, CancellationToken cancellationToken) => SetAsync(id, false, cancellationToken);

    private async Task<IActionResult> SetAsync(Guid id, bool done, CancellationToken cancellationToken)
    {
        if (!await tasks.SetDoneAsync(id, done, cancellationToken))
        {
            return NotFound(); // not theirs to see, or gone
        }

        TempData.SetNotice(done ? "Task marked done." : "Task marked not done.");
        return RedirectToPage(new { scope = ShowsAll ? "all" : null, status = ShowsDone ? "done" : null });
    }

    public string Link(bool all, bool done) => "/Tasks" + (all, done) switch
    {
        (true, true) => "?scope=all&status=done",
        (true, false) => "?scope=all",
        (false, true) => "?status=done",
        _ => "",
    };
}
