using FluentValidation;
using MediatR;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Platform.Tasks;

/// <summary>
/// What a task must be, whoever creates it: a title on one line, a staff assignee, a due day from today on (a task
/// born overdue is a mistake: a past date is refused), and a record link that stays on this site.
/// </summary>
internal sealed class CreateStaffTaskValidator : AbstractValidator<CreateStaffTask>
{
    public const int MaxYearsAhead = 5;

    public CreateStaffTaskValidator(ClinicCalendar calendar)
    {
        RuleFor(t => t.Title).Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Enter what needs doing.")
            .DependentRules(() => RuleFor(t => t.Title!.Trim())
                .Must(title => title.Length <= StaffTaskRecord.MaxTitleLength && !title.Any(char.IsControl))
                .WithMessage($"Write the task on one line, in at most {StaffTaskRecord.MaxTitleLength} characters.")
                .OverridePropertyName(nameof(CreateStaffTask.Title)));
        RuleFor(t => t.Details).MaximumLength(StaffTaskRecord.MaxDetailsLength)
            .WithMessage($"Shorten the details to at most {StaffTaskRecord.MaxDetailsLength} characters.");
        RuleFor(t => t.Assignee).Must(a => a is not null && (a.UserId is not null ? 1 : 0) + (a.TherapistId is not null ? 1 : 0) + (a.Role is not null ? 1 : 0) == 1)
            .WithMessage("Choose who the task is for: one person or one role.")
            .DependentRules(() => RuleFor(t => t.Assignee!.Role).Must(role => role is null || StaffAccounts.IsStaffRole(role.Value))
                .WithMessage("Tasks are for the clinic's staff: choose Manager, Therapist or Reception.")
                .OverridePropertyName(nameof(CreateStaffTask.Assignee)));
        RuleFor(t => t.DueOn).NotNull().WithMessage("Enter the day it is due.");
        RuleFor(t => t.DueOn).Must(day => day!.Value >= calendar.Today).When(t => t.DueOn is not null)
            .WithMessage("Choose today or a later day: a task cannot be due in the past.");
        RuleFor(t => t.DueOn).Must(day => day!.Value <= calendar.Today.AddYears(MaxYearsAhead)).When(t => t.DueOn is not null)
            .WithMessage($"Choose a day within {MaxYearsAhead} years.");
        RuleFor(t => t.About).Must(IsWellFormed).When(t => t.About is not null)
            .WithMessage("The record a task is about needs its module, id, a label and a path on this site.");
        RuleFor(t => t.IdempotencyKey).MaximumLength(StaffTaskRecord.MaxKeyLength);
    }

    /// <summary>The link is shown to staff: a path on this site only ("//elsewhere" or "https://…" would leave it).</summary>
    private static bool IsWellFormed(TaskSubject? about) =>
        about is not null
        && !string.IsNullOrWhiteSpace(about.Module) && about.Module.Length <= 100
        && !string.IsNullOrWhiteSpace(about.RecordId) && about.RecordId.Length <= 100
        && !string.IsNullOrWhiteSpace(about.Label) && about.Label.Length <= StaffTaskRecord.MaxLabelLength
        && about.Path is { Length: > 1 and <= StaffTaskRecord.MaxPathLength } path
        && path[0] == '/' && path[1] != '/' && path[1] != '\\' && !path.Any(char.IsControl);
}

internal sealed class CreateStaffTaskHandler(StaffTaskList tasks) : IRequestHandler<CreateStaffTask, Guid>
{
    public Task<Guid> Handle(CreateStaffTask request, CancellationToken cancellationToken) => tasks.CreateAsync(request, cancellationToken);
}
