using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Clients.Pages.Portal;

/// <summary>
/// The questionnaire one step at a time, each step saved as the client leaves it (see <see cref="IntakeSteps"/>); the
/// last step sends the whole as a new version. Without a step in the address it opens where the client left off.
/// </summary>
public sealed class MyIntakeModel(IMediator mediator, ICurrentUser user) : PortalPageModel(user)
{
    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    public int Step { get; private set; } = 1;

    public int StepsDone { get; private set; }

    public int FurthestOpenStep { get; private set; } = 1;

    /// <summary>When the answers shown are a draft saved earlier: the client is part-way through.</summary>
    public DateTime? DraftSavedAt { get; private set; }

    /// <summary>The client's own time zone: the portal shows times as they read them.</summary>
    public string TimeZone { get; private set; } = "";

    internal static IReadOnlyList<IntakeStep> Steps => IntakeSteps.All;

    public bool IsLastStep => Step == IntakeSteps.Count;

    public async Task<IActionResult> OnGetAsync(int? step, CancellationToken cancellationToken)
    {
        var progress = await mediator.Send(new GetIntakeInProgress(OwnClientId), cancellationToken);
        if (step is { } asked && (!IntakeSteps.IsStep(asked) || asked > progress.FurthestOpenStep))
        {
            return RedirectToPage(new { step = progress.FurthestOpenStep }); // the steps go in order
        }

        // A draft opens where the client stopped; otherwise the questionnaire starts at the beginning.
        Show(progress, step ?? (progress.DraftSavedAt is null ? 1 : progress.FurthestOpenStep));
        Input = IntakeForm.Of(progress.Answers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int step, CancellationToken cancellationToken)
    {
        // Shown again on a refusal: the steps before this one are done, or the client could not have reached it.
        Step = IntakeSteps.IsStep(step) ? step : 1;
        StepsDone = Step - 1;
        FurthestOpenStep = Step;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var progress = await mediator.Send(new SaveIntakeStep(OwnClientId, step, Input.ToCommand(OwnClientId)), cancellationToken);
        if (!IsLastStep)
        {
            TempData.SetNotice($"Saved. Step {step} of {IntakeSteps.Count} is done; you can stop here and carry on later.");
            return RedirectToPage(new { step = step + 1 });
        }

        if (progress.StepsDone < IntakeSteps.Count)
        {
            return RedirectToPage(new { step = progress.FurthestOpenStep });
        }

        await mediator.Send(progress.Answers, cancellationToken);
        TempData.SetNotice("Thank you: your answers are sent to the clinic. Update them here whenever your health changes.");
        return LocalRedirect("/Portal"); // the checklist, now showing the questions done
    }

    private void Show(IntakeInProgress progress, int step)
    {
        Step = step;
        StepsDone = progress.StepsDone;
        FurthestOpenStep = progress.FurthestOpenStep;
        DraftSavedAt = progress.DraftSavedAt;
        TimeZone = progress.ClientTimeZone;
    }
}
