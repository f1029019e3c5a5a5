using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Features.Appointments;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar;

/// <summary>A therapist off sick: the day's appointments moved to a colleague or cancelled, each client told.</summary>
public sealed class OffSickModel(IMediator mediator, ITherapistDirectory therapists, ClinicCalendar calendar) : SchedulingPageModel
{
    [BindProperty]
    public OffSickForm Input { get; set; } = new();

    public IReadOnlyList<TherapistSummary> Therapists { get; private set; } = [];

    public async Task OnGetAsync(Guid? therapistId, DateOnly? date, CancellationToken cancellationToken)
    {
        Input = new OffSickForm { TherapistId = therapistId, Date = date ?? calendar.Today, Reason = "Your therapist is unwell." };
        Therapists = await therapists.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Therapists = await therapists.ListAsync(cancellationToken);
        if (Input.TherapistId is null)
        {
            ModelState.AddModelError("Input.TherapistId", "Choose the therapist who is off.");
        }
        else if (Therapists.All(t => t.Id != Input.TherapistId))
        {
            ModelState.AddModelError("Input.TherapistId", "Choose a therapist from the list.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (done, outcome) = await TryAsync(mediator, new TherapistOffSick(Input.TherapistId!.Value, Input.Date, Input.MoveToTherapistId, Input.Reason), cancellationToken);
        if (!done)
        {
            return Page();
        }

        var name = Therapists.First(t => t.Id == Input.TherapistId).DisplayName;
        var colleague = Therapists.FirstOrDefault(t => t.Id == Input.MoveToTherapistId)?.DisplayName;
        TempData.SetNotice(outcome!.Moved + outcome.Cancelled == 0
            ? $"{name} is off on {Input.Date:d MMMM}: there were no appointments to change."
            : outcome.Moved > 0
                ? $"{name} is off on {Input.Date:d MMMM}: {outcome.Moved} appointment(s) moved to {colleague}; the clients have been told."
                : $"{name} is off on {Input.Date:d MMMM}: {outcome.Cancelled} appointment(s) cancelled; the clients have been told.");
        return Redirect($"/Calendar?date={Input.Date:yyyy-MM-dd}");
    }

    public sealed class OffSickForm
    {
        public Guid? TherapistId { get; set; }
        public DateOnly? Date { get; set; }
        public Guid? MoveToTherapistId { get; set; }
        public string? Reason { get; set; }
    }
}
