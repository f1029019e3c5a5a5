using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.TreatmentPlans.Domain;
using PracticeSuite.Modules.TreatmentPlans.Domain.Reference;
using PracticeSuite.Modules.TreatmentPlans.Features.Notes;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.TreatmentPlans.Pages.Notes;

/// <summary>
/// A session's note in SOAP form, written by its therapist: what the client reports, pain scores, the trigger points
/// treated (highlighted past the clinic's hold cap or at pressure 7 and more), minutes per technique, assessment, plan and
/// aftercare. Signing locks it; afterwards only addenda are added.
/// </summary>
public sealed class NoteModel(IMediator mediator, ICurrentUser user) : TreatmentPlansPageModel
{
    [FromRoute]
    public Guid NoteId { get; set; }

    [BindProperty]
    public SoapForm Soap { get; set; } = new();

    [BindProperty]
    public PainForm Pain { get; set; } = new();

    [BindProperty]
    public PointForm Point { get; set; } = new();

    [BindProperty]
    public MinutesForm Timed { get; set; } = new();

    [BindProperty]
    public string? AddendumText { get; set; }

    internal SessionNoteDetails Details { get; private set; } = null!;

    internal SessionNote Note => Details.Note;

    internal ClientSummary Client { get; private set; } = null!;

    /// <summary>Only the session's therapist writes the note; a manager reads it.</summary>
    public bool IsAuthor => user.TherapistId == Note.TherapistId;

    public string? OpenForm { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Soap = SoapForm.Of(Note);
    }

    public Task<IActionResult> OnPostSoapAsync(CancellationToken cancellationToken) =>
        ChangeAsync("soap", "Soap.", new WriteNote
        {
            NoteId = NoteId,
            Changes = Soap.Changes,
            NewHealthChanges = Soap.NewHealthChanges,
            Findings = Soap.Findings,
            Assessment = Soap.Assessment,
            Plan = Soap.Plan,
            Aftercare = Soap.Aftercare.Select(a => Enum.TryParse<Aftercare>(a, out var given) && Enum.IsDefined(given) ? given : (Aftercare?)null).OfType<Aftercare>().ToList(),
        }, "Note saved.", cancellationToken);

    public Task<IActionResult> OnPostPainAsync(CancellationToken cancellationToken) =>
        ChangeAsync("pain", "Pain.", new ScorePain { NoteId = NoteId, Label = Pain.Label, Score = Pain.Score }, "Pain score recorded.", cancellationToken);

    public Task<IActionResult> OnPostPointAsync(CancellationToken cancellationToken) =>
        ChangeAsync("point", "Point.", new TreatPoint
        {
            NoteId = NoteId,
            Muscle = Point.Muscle,
            Side = Parse<BodySide>(Point.Side),
            Zone = Point.Zone,
            Technique = Parse<PointTechnique>(Point.Technique) ?? PointTechnique.IschaemicCompression,
            HoldSeconds = Point.HoldSeconds,
            Repetitions = Point.Repetitions ?? 1,
            Pressure = Point.Pressure,
            Outcome = Parse<PointOutcome>(Point.Outcome) ?? PointOutcome.NoChange,
            AvoidOverrideReason = Point.AvoidOverrideReason,
        }, "Trigger point recorded.", cancellationToken);

    public Task<IActionResult> OnPostMinutesAsync(CancellationToken cancellationToken) =>
        ChangeAsync("minutes", "Timed.", new SetTechniqueMinutes
        {
            NoteId = NoteId,
            Technique = Parse<PointTechnique>(Timed.Technique) ?? PointTechnique.IschaemicCompression,
            Minutes = Timed.Minutes ?? 0,
        }, "Minutes recorded.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid itemId, CancellationToken cancellationToken) =>
        ChangeAsync(null, "", new RemoveNoteItem { NoteId = NoteId, ItemId = itemId }, "Removed.", cancellationToken);

    public Task<IActionResult> OnPostSignAsync(CancellationToken cancellationToken) =>
        ChangeAsync("sign", "", new SignNote { NoteId = NoteId }, "Note signed. It can no longer change; add an addendum for anything later.", cancellationToken, errorsNextTo: "Sign");

    public Task<IActionResult> OnPostAddendumAsync(CancellationToken cancellationToken) =>
        ChangeAsync("addenda", "", new AddAddendum { NoteId = NoteId, Text = AddendumText }, "Addendum added.", cancellationToken, errorsNextTo: "AddendumText");

    private async Task<IActionResult> ChangeAsync(string? form, string prefix, NoteChange command, string notice, CancellationToken cancellationToken, string? errorsNextTo = null)
    {
        KeepOnlyFieldsOf(prefix);

        if (ModelState.IsValid)
        {
            var (done, _) = await TryAsync(mediator, command, cancellationToken, prefix, errorsNextTo);
            if (done)
            {
                TempData.SetNotice(notice);
                return Redirect($"/TreatmentPlans/Notes/{NoteId}#{form ?? "points"}");
            }
        }

        OpenForm = form;
        await LoadAsync(cancellationToken);
        if (form != "soap")
        {
            Soap = SoapForm.Of(Note);
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Details = await mediator.Send(new GetSessionNote(NoteId), cancellationToken);
        Client = await mediator.Send(new GetClientSummary(Note.ClientId), cancellationToken);
    }

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    internal string MuscleName(string code) => Details.Muscles.TryGetValue(code, out var muscle) ? muscle.Name : code;

    internal static string ZoneName(string code) => PainZones.Find(code)?.Name ?? code;

    public sealed class SoapForm
    {
        public string? Changes { get; set; }
        public bool NewHealthChanges { get; set; }
        public string? Findings { get; set; }
        public string? Assessment { get; set; }
        public string? Plan { get; set; }
        public List<string> Aftercare { get; set; } = [];

        internal static SoapForm Of(SessionNote note) => new()
        {
            Changes = note.Changes,
            NewHealthChanges = note.NewHealthChanges,
            Findings = note.Findings,
            Assessment = note.AssessmentText,
            Plan = note.PlanText,
            Aftercare = note.AftercareGiven.Select(a => a.ToString()).ToList(),
        };
    }

    public sealed class PainForm
    {
        public string? Label { get; set; }
        public int? Score { get; set; }
    }

    public sealed class PointForm
    {
        public string? Muscle { get; set; }
        public string? Side { get; set; }
        public string? Zone { get; set; }
        public string? Technique { get; set; } = nameof(PointTechnique.IschaemicCompression);
        public int? HoldSeconds { get; set; }
        public int? Repetitions { get; set; } = 1;
        public int? Pressure { get; set; }
        public string? Outcome { get; set; } = nameof(PointOutcome.Softened);
        public string? AvoidOverrideReason { get; set; }
    }

    public sealed class MinutesForm
    {
        public string? Technique { get; set; }
        public int? Minutes { get; set; }
    }
}
