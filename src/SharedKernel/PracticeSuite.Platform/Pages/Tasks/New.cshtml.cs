using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Tasks;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Pages.Tasks;

/// <summary>
/// A task added by hand: the same request modules send (<see cref="CreateStaffTask"/>), so its rules and its audit
/// entry are the same whoever adds it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class NewModel(IMediator mediator, StaffTaskList tasks) : PageModel
{
    public const string RolePrefix = "role:";
    public const string PersonPrefix = "user:";

    [BindProperty]
    public TaskInput Input { get; set; } = new();

    public IReadOnlyList<(string Value, string Text)> Assignees { get; private set; } = [];

    public DateOnly Today => tasks.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Assignee = PersonPrefix + User.FindFirstValue(ClaimTypes.NameIdentifier);
        Input.DueOn = Today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page(); // a date that does not read as one: its plain message is already beside the field
        }

        // The validation filter puts a refused request's messages beside these fields (Input.Title, Input.Assignee, …).
        await mediator.Send(new CreateStaffTask(Input.Title, Input.Details, Assignee(Input.Assignee), Input.DueOn), cancellationToken);
        TempData.SetNotice("Task added.");
        return RedirectToPage("Index");
    }

    /// <summary>The chosen option as an assignee; anything else (a tampered form) is none, which the request refuses.</summary>
    private static TaskAssignee? Assignee(string? value) => value switch
    {
        { } role when role.StartsWith(RolePrefix, StringComparison.Ordinal)
            && Enum.TryParse<PracticeRole>(role[RolePrefix.Length..], out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role[RolePrefix.Length..], out _)
            => TaskAssignee.Everyone(parsed),
        { } person when person.StartsWith(PersonPrefix, StringComparison.Ordinal) && person.Length > PersonPrefix.Length
            => TaskAssignee.Person(person[PersonPrefix.Length..]),
        _ => null,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var people = await tasks.AssignableStaffAsync(cancellationToken);
        Assignees =
        [
            .. people.Where(p => p.Id == me).Select(p => (PersonPrefix + p.Id, $"Me ({p.Name})")),
            .. StaffAccounts.Roles.Select(r => (RolePrefix + r, StaffTaskList.RoleName(r.ToString()))),
            .. people.Where(p => p.Id != me).Select(p => (PersonPrefix + p.Id, p.Name)),
        ];
    }

    public sealed class TaskInput
    {
        public string? Title { get; set; }

        public string? Details { get; set; }

        public string? Assignee { get; set; }

        public DateOnly? DueOn { get; set; }
    }
}
