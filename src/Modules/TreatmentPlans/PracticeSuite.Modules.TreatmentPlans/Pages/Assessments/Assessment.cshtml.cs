using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Assessments;
using PracticeSuite.Modules.TreatmentPlans.Features.Reference;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.TreatmentPlans.Pages.Assessments;

/// <summary>
/// One assessment, built up finding by finding: complaints (where, how bad), ranges of motion, posture and trigger
/// points. The complaints' zones bring up the muscles whose referral patterns cover them, as suggestions to examine.
/// </summary>
public sealed class AssessmentModel(IMediator mediator) : TreatmentPlansPageModel
{
    [FromRoute]
    public Guid AssessmentId { get; set; }

    [BindProperty]
    public ComplaintForm Complaint { get; set; } = new();

    [BindProperty]
    public RangeForm Range { get; set; } = new();

    [BindProperty]
    public TriggerPointForm Point { get; set; } = new();

    [BindProperty]
    public PostureForm Posture { get; set; } = new();

    internal AssessmentDetails Details { get; private set; } = null!;

    internal Assessment Assessment => Details.Assessment;

    internal ClientSummary Client { get; private set; } = null!;

    internal IReadOnlyList<ReferralSuggestionView> Suggestions { get; private set; } = [];

    internal ZonePicker ComplaintZones => new("Complaint.Zones", "complaint-zones", "Where is the pain?", Complaint.Zones, []);

    internal ZonePicker ReferralZones => new("Point.ReferralZones", "referral-zones", "Where the referral was felt (optional)", Point.ReferralZones, []);

    internal AssessmentZones Findings => AssessmentZones.Of(Assessment);

    /// <summary>All the assessment's findings on one chart: the complaints' zones, and where the trigger points referred.</summary>
    internal BodyChartModel FindingsChart => new("findings-chart", Findings.ComplaintZones, Findings.ReferralZones.Count == 0 ? null : Findings.ReferralZones,
        MarkedMeaning: "Complaint", HighlightedMeaning: "Referral felt from a trigger point");

    internal BodyChartModel ComplaintChart => new("complaint-chart", Complaint.Zones, PickerId: ComplaintZones.Id, MarkedMeaning: "Chosen zone");

    internal BodyChartModel ReferralChart => new("referral-chart", Point.ReferralZones, PickerId: ReferralZones.Id, MarkedMeaning: "Chosen zone");

    /// <summary>The form that was posted, to open and focus after a refusal.</summary>
    public string? OpenForm { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostComplaintAsync(CancellationToken cancellationToken) =>
        ChangeAsync("complaint", new AddComplaint
        {
            AssessmentId = AssessmentId,
            Zones = Complaint.Zones,
            PainNow = Complaint.PainNow,
            PainWorst = Complaint.PainWorst,
            Aggravating = Complaint.Aggravating,
            Easing = Complaint.Easing,
            Since = Complaint.Since,
        }, "Complaint.", "Complaint added.", cancellationToken);

    public Task<IActionResult> OnPostRangeAsync(CancellationToken cancellationToken) =>
        ChangeAsync("range", new AddRangeOfMotion { AssessmentId = AssessmentId, Movement = Range.Movement, Side = ParseSide(Range.Side), Degrees = Range.Degrees },
            "Range.", "Range of motion recorded.", cancellationToken);

    public Task<IActionResult> OnPostPointAsync(CancellationToken cancellationToken) =>
        ChangeAsync("trigger-point", new AddTriggerPoint
        {
            AssessmentId = AssessmentId,
            Muscle = Point.Muscle,
            Side = ParseSide(Point.Side),
            Active = Point.Kind == "active",
            ReproducesFamiliarPain = Point.ReproducesFamiliarPain,
            ReferralZones = Point.ReferralZones,
            Tenderness = Point.Tenderness,
        }, "Point.", "Trigger point recorded.", cancellationToken);

    public Task<IActionResult> OnPostPostureAsync(CancellationToken cancellationToken) =>
        ChangeAsync("posture", new SetPostureNotes { AssessmentId = AssessmentId, Notes = Posture.Notes }, "Posture.", "Posture notes saved.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid findingId, CancellationToken cancellationToken) =>
        ChangeAsync(null, new RemoveFinding { AssessmentId = AssessmentId, FindingId = findingId }, "", "Finding removed.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string? form, AssessmentChange command, string prefix, string notice, CancellationToken cancellationToken)
    {
        KeepOnlyFieldsOf(prefix);

        if (ModelState.IsValid)
        {
            var (done, _) = await TryAsync(mediator, command, cancellationToken, prefix);
            if (done)
            {
                TempData.SetNotice(notice);
                return Redirect($"/TreatmentPlans/Assessments/{AssessmentId}#{form ?? "findings"}");
            }
        }

        OpenForm = form;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Details = await mediator.Send(new GetAssessment(AssessmentId), cancellationToken);
        Client = await mediator.Send(new GetClientSummary(Assessment.ClientId), cancellationToken);
        var zones = Assessment.Complaints.SelectMany(c => c.ZoneCodes).Distinct().ToList();
        Suggestions = zones.Count == 0 ? [] : await mediator.Send(new SuggestReferrals(zones), cancellationToken);
        Posture.Notes ??= Assessment.PostureNotes;
    }

    internal string MuscleName(string code) => Details.Muscles.TryGetValue(code, out var muscle) ? muscle.Name : code;

    /// <summary>"Temple, side of the neck": the first name as it is, the rest in lower case as in a sentence.</summary>
    internal static string ZoneNames(IEnumerable<string> codes) =>
        string.Join(", ", codes.Select((c, i) => PainZones.Find(c)?.Name is { } name ? (i == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..]) : c));

    internal static BodySide? ParseSide(string? side) => Enum.TryParse<BodySide>(side, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    internal static string SideName(BodySide? side) => side switch { BodySide.Left => "left", BodySide.Right => "right", _ => "" };

    public sealed class ComplaintForm
    {
        public List<string> Zones { get; set; } = [];
        public int? PainNow { get; set; }
        public int? PainWorst { get; set; }
        public string? Aggravating { get; set; }
        public string? Easing { get; set; }
        public string? Since { get; set; }
    }

    public sealed class RangeForm
    {
        public string? Movement { get; set; }
        /// <summary>"Left", "Right" or empty.</summary>
        public string? Side { get; set; }

        public int? Degrees { get; set; }
    }

    public sealed class TriggerPointForm
    {
        public string? Muscle { get; set; }
        public string? Side { get; set; }

        /// <summary>"active" or "latent".</summary>
        public string Kind { get; set; } = "active";

        public bool ReproducesFamiliarPain { get; set; }
        public List<string> ReferralZones { get; set; } = [];
        public int? Tenderness { get; set; }
    }

    public sealed class PostureForm
    {
        public string? Notes { get; set; }
    }
}
