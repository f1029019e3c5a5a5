using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Reference;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.TreatmentPlans.Pages.Library;

/// <summary>
/// The muscle library: every muscle by region with its referral pattern in words and, on the chart, on hover or focus
/// (or <c>?muscle=</c> without script); which muscles refer to chosen zones (<c>?zones=</c>); and, for a manager, a
/// form to add the clinic's own muscle.
/// </summary>
public sealed class LibraryModel(IMediator mediator, IAuthorizationService authorization) : TreatmentPlansPageModel
{
    public const string ChartId = "library-chart";

    [FromQuery(Name = "muscle")]
    public string? MuscleCode { get; set; }

    [FromQuery(Name = "zones")]
    public List<string> Zones { get; set; } = [];

    [BindProperty]
    public AddMuscleForm Input { get; set; } = new();

    internal IReadOnlyList<Muscle> Muscles { get; private set; } = [];

    /// <summary>The muscle whose pattern the chart shows (<c>?muscle=</c>), if it exists.</summary>
    internal Muscle? Shown { get; private set; }

    /// <summary>The answer to "which muscles refer here?", when zones were asked about and the question was valid.</summary>
    internal IReadOnlyList<ReferralSuggestionView>? Suggestions { get; private set; }

    internal bool MayAdd { get; private set; }

    internal ZonePicker QuestionZones => new("zones", "question-zones", "Where is the pain?", Zones, []);

    internal ZonePicker NewMuscleZones => new("Input.Zones", "new-muscle-zones", "Where it refers pain (either side of a sided zone stands for both)", Input.Zones, []);

    internal BodyChartModel Chart => new(ChartId, Zones, Shown is null ? [] : BodyChart.ZonesOfSites(Shown.Pattern.Sites),
        MarkedMeaning: "Zones asked about", HighlightedMeaning: "Referral pattern");

    /// <summary>The regions in the library's order, each with its muscles.</summary>
    internal IEnumerable<(string Region, IReadOnlyList<Muscle> Muscles)> ByRegion =>
        MuscleLibrary.Regions.Select(r => (r, (IReadOnlyList<Muscle>)Muscles.Where(m => m.Region == r).ToList())).Where(g => g.Item2.Count > 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Zones.Count > 0)
        {
            var (done, suggestions) = await TryAsync(mediator, new SuggestReferrals(Zones), cancellationToken, "", errorsNextTo: nameof(Zones));
            Suggestions = done ? suggestions : null;
        }
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!await MayAddAsync())
        {
            return Forbid();
        }

        KeepOnlyFieldsOf("Input.");

        if (ModelState.IsValid)
        {
            var (done, code) = await TryAsync(mediator, new AddClinicMuscle
            {
                Name = Input.Name,
                Region = Input.Region,
                Sided = Input.Sided,
                Sites = SitesOf(Input.Zones),
                PrimarySite = string.IsNullOrEmpty(Input.PrimarySite) ? null : Input.PrimarySite,
                Description = Input.Description,
                Source = Input.Source,
            }, cancellationToken);
            if (done)
            {
                TempData.SetNotice($"{Input.Name!.Trim()} added to the library.");
                return Redirect($"/TreatmentPlans/Library?muscle={Uri.EscapeDataString(code!)}#{code}");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A referral pattern names sites: a zone chosen on either side stands for its site; an unknown code is kept, to be refused by name.</summary>
    internal static IReadOnlyList<string> SitesOf(IEnumerable<string> zoneCodes) =>
        zoneCodes.Select(code => PainZones.Find(code)?.Site.Code ?? code).Distinct(StringComparer.Ordinal).ToList();

    internal static string SitesInWords(IEnumerable<string> siteCodes) => string.Join(", ", siteCodes.Select(s => PainZones.FindSite(s)?.Name ?? s));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayAdd = await MayAddAsync();
        Muscles = await mediator.Send(new GetMuscleLibrary(), cancellationToken);
        Shown = Muscles.FirstOrDefault(m => m.Code == MuscleCode);
    }

    // Adding to the library is the manager's, as in the API; every clinician reads it.
    private async Task<bool> MayAddAsync() => (await authorization.AuthorizeAsync(User, Policies.Manager)).Succeeded;

    public sealed class AddMuscleForm
    {
        public string? Name { get; set; }
        public string? Region { get; set; }
        public bool Sided { get; set; } = true;
        public List<string> Zones { get; set; } = [];

        /// <summary>A site code; empty for the first zone chosen.</summary>
        public string? PrimarySite { get; set; }

        public string? Description { get; set; }
        public string? Source { get; set; }
    }
}
