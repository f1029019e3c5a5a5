using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Plans;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.TreatmentPlans.Pages.Plans;

/// <summary>
/// A treatment plan: its goals and home care, the clearance gate while it is a draft (which flag blocks it, with a link
/// to record the clearance), the course booked and used once it is active, and its completion or discontinuation.
/// </summary>
public sealed class PlanModel(IMediator mediator, ITherapistDirectory therapists) : TreatmentPlansPageModel
{
    [FromRoute]
    public Guid PlanId { get; set; }

    [BindProperty]
    public NewModel.PlanContentForm PlanForm { get; set; } = new();

    [BindProperty]
    public GoalForm Goal { get; set; } = new();

    [BindProperty]
    public HomeCareForm HomeCare { get; set; } = new();

    [BindProperty]
    public CourseForm Course { get; set; } = new();

    [BindProperty]
    public string? DiscontinueReason { get; set; }

    internal PlanDetails Details { get; private set; } = null!;

    internal TreatmentPlan Plan => Details.Plan;

    internal ClientSummary Client { get; private set; } = null!;

    internal string TherapistName { get; private set; } = "";

    internal IReadOnlyList<ServiceView> Services { get; private set; } = [];

    internal SeriesBooking? Booked { get; private set; }

    public string? OpenForm { get; private set; }

    /// <summary>The assessment's findings and the areas to avoid on the body chart; none when there is neither.</summary>
    internal BodyChartModel? Chart =>
        Details.Findings.ComplaintZones.Count == 0 && Details.Findings.ReferralZones.Count == 0 && Details.AreasToAvoid.Count == 0
            ? null
            : new("plan-chart", Details.Findings.ComplaintZones, Details.Findings.ReferralZones.Count == 0 ? null : Details.Findings.ReferralZones, Details.AreasToAvoid,
                MarkedMeaning: "Complaint at the assessment", HighlightedMeaning: "Referral felt from a trigger point");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        PlanForm = NewModel.PlanContentForm.Of(Plan);
        if (Details.Course.Position.DueOn is { } due)
        {
            Course.FirstDate = due;
            Course.IntervalWeeks = Details.Course.Position.IntervalWeeks ?? 1;
            Course.Occurrences = Math.Max(1, Details.Course.Position.Planned - Details.Course.Used - Details.Course.Booked);
        }
    }

    public Task<IActionResult> OnPostReviseAsync(CancellationToken cancellationToken) =>
        ChangeAsync("content", "PlanForm.", new RevisePlan
        {
            PlanId = PlanId,
            Conditions = PlanForm.Conditions,
            Techniques = PlanForm.ChosenTechniques,
            Phases = PlanForm.ChosenPhases,
            ReassessOn = PlanForm.ReassessOn,
        }, "Plan updated.", cancellationToken);

    public Task<IActionResult> OnPostGoalAsync(CancellationToken cancellationToken) =>
        ChangeAsync("goal", "Goal.", new AddGoal
        {
            PlanId = PlanId,
            Measure = Enum.TryParse<GoalMeasure>(Goal.Measure, out var measure) && Enum.IsDefined(measure) ? measure : GoalMeasure.Pain,
            Description = Goal.Description,
            Movement = Goal.Movement,
            Side = Enum.TryParse<BodySide>(Goal.Side, out var side) && Enum.IsDefined(side) ? side : null,
            Baseline = Goal.Baseline,
            Target = Goal.Target,
            Unit = Goal.Unit,
            TargetDate = Goal.TargetDate,
        }, "Goal added.", cancellationToken);

    public Task<IActionResult> OnPostHomeCareAsync(CancellationToken cancellationToken) =>
        ChangeAsync("home-care", "HomeCare.", new AddHomeCare { PlanId = PlanId, Exercise = HomeCare.Exercise, Dose = HomeCare.Dose, Instructions = HomeCare.Instructions },
            "Home care added.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid itemId, CancellationToken cancellationToken) =>
        ChangeAsync(null, "", new RemovePlanItem { PlanId = PlanId, ItemId = itemId }, "Removed.", cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(CancellationToken cancellationToken) =>
        ChangeAsync("gate", "", new ActivatePlan { PlanId = PlanId }, "Plan started.", cancellationToken, errorsNextTo: "Gate");

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken) =>
        ChangeAsync("close", "", new CompletePlan { PlanId = PlanId }, "Plan completed.", cancellationToken, errorsNextTo: "Close");

    public Task<IActionResult> OnPostDiscontinueAsync(CancellationToken cancellationToken) =>
        ChangeAsync("close", "", new DiscontinuePlan { PlanId = PlanId, Reason = DiscontinueReason }, "Plan discontinued.", cancellationToken, errorsNextTo: "DiscontinueReason");

    public async Task<IActionResult> OnPostBookAsync(CancellationToken cancellationToken)
    {
        KeepOnlyFieldsOf("Course.");
        if (ModelState.IsValid)
        {
            var (done, booking) = await TryAsync(mediator, new BookPlanCourse
            {
                PlanId = PlanId,
                ServiceId = Course.ServiceId ?? Guid.Empty,
                FirstDate = Course.FirstDate,
                Time = Course.Time,
                Occurrences = Course.Occurrences,
                IntervalWeeks = Course.IntervalWeeks,
                BookFreeOnly = Course.FreeOnly,
                RequestId = Course.RequestId,
            }, cancellationToken, "Course.");
            if (done)
            {
                var skipped = booking!.Skipped.Count;
                TempData.SetNotice($"{booking.Booked.Count} session{(booking.Booked.Count == 1 ? "" : "s")} booked" +
                    (skipped > 0 ? $"; {skipped} date{(skipped == 1 ? " was" : "s were")} taken and left out." : "."));
                return Redirect($"/TreatmentPlans/Plans/{PlanId}#course");
            }
        }

        OpenForm = "course";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(string? form, string prefix, PlanChange command, string notice, CancellationToken cancellationToken, string? errorsNextTo = null)
    {
        KeepOnlyFieldsOf(prefix);
        if (ModelState.IsValid)
        {
            var (done, _) = await TryAsync(mediator, command, cancellationToken, prefix, errorsNextTo);
            if (done)
            {
                TempData.SetNotice(notice);
                return Redirect($"/TreatmentPlans/Plans/{PlanId}#{form ?? "goals"}");
            }
        }

        OpenForm = form;
        await LoadAsync(cancellationToken);
        if (form != "content")
        {
            PlanForm = NewModel.PlanContentForm.Of(Plan);
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Details = await mediator.Send(new GetPlan(PlanId), cancellationToken);
        Client = await mediator.Send(new GetClientSummary(Plan.ClientId), cancellationToken);
        TherapistName = (await therapists.ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == Plan.TherapistId)?.DisplayName ?? "Former therapist";
        if (Plan.Status == PlanStatus.Active)
        {
            Services = (await mediator.Send(new GetServices(), cancellationToken)).Where(s => s.TherapistIds.Contains(Plan.TherapistId)).ToList();
        }

        if (Course.RequestId is null || Course.RequestId == Guid.Empty)
        {
            Course.RequestId = Guid.NewGuid();
        }
    }

    internal static string GoalText(PlanGoal goal) => goal.Measure switch
    {
        GoalMeasure.Pain => $"{goal.Description}: from {goal.Baseline}/10 to {goal.Target}/10 or less",
        GoalMeasure.RangeOfMotion => $"{goal.Description}{(goal.Side is { } side ? $", {side.ToString().ToLowerInvariant()}" : "")}: from {goal.Baseline}° to {goal.Target}°",
        _ => $"{goal.Description}: from {goal.Baseline} to {goal.Target} {goal.Unit}",
    };

    public sealed class GoalForm
    {
        public string? Measure { get; set; } = nameof(GoalMeasure.Pain);
        public string? Description { get; set; }
        public string? Movement { get; set; }
        public string? Side { get; set; }
        public int? Baseline { get; set; }
        public int? Target { get; set; }
        public string? Unit { get; set; }
        public DateOnly? TargetDate { get; set; }
    }

    public sealed class HomeCareForm
    {
        public string? Exercise { get; set; }
        public string? Dose { get; set; }
        public string? Instructions { get; set; }
    }

    public sealed class CourseForm
    {
        public Guid? ServiceId { get; set; }
        public DateOnly? FirstDate { get; set; }
        public TimeOnly? Time { get; set; }
        public int Occurrences { get; set; } = 1;
        public int IntervalWeeks { get; set; } = 1;
        public bool FreeOnly { get; set; }
        public Guid? RequestId { get; set; }
    }
}
