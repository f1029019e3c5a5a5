using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Appointments;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar.Appointments;

/// <summary>
/// One appointment: details, history, and what the caller may do now — the front desk everything its state allows,
/// a therapist check-in and completion of their own. A refused check-in shows why the client may not be treated.
/// </summary>
public sealed class DetailsModel(IMediator mediator, ClinicCalendar calendar, ITherapistDirectory therapists, IClientNames clientNames) : SchedulingPageModel
{
    /// <summary>The key of the check-in, completion and no-show refusals: the error summary links them to the actions.</summary>
    public const string ActionErrors = "actions";

    [FromRoute]
    public Guid AppointmentId { get; set; }

    [BindProperty]
    public MoveForm Move { get; set; } = new();

    [BindProperty]
    public string? CancelReason { get; set; }

    internal AppointmentView Appointment { get; private set; } = null!;

    public string ClientName { get; private set; } = "";

    public DateOnly LocalDate { get; private set; }

    public string EndTime { get; private set; } = "";

    public IReadOnlyList<TherapistSummary> Therapists { get; private set; } = [];

    internal AvailableActions Actions { get; private set; } = AvailableActions.None;

    public bool CancellingIsLate => Appointment.LateFromUtc <= calendar.UtcNow;

    public int LateWindowHours => (int)HttpContext.RequestServices.GetRequiredService<SchedulingOptions>().LateCancellationWindow.TotalHours;

    public bool AsksOutsideHoursReason =>
        !string.IsNullOrEmpty(Move.OutsideHoursReason) || ErrorsFor("Move.OutsideHoursReason").Count > 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostCheckInAsync(CancellationToken cancellationToken) =>
        ActAsync(new CheckInAppointment(AppointmentId), "Checked in.", cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken) =>
        ActAsync(new CompleteAppointment(AppointmentId), "Appointment completed.", cancellationToken);

    public async Task<IActionResult> OnPostNoShowAsync(CancellationToken cancellationToken) =>
        IsFrontDesk ? await ActAsync(new MarkNoShow(AppointmentId), "No-show recorded.", cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        if (!IsFrontDesk)
        {
            return Forbid();
        }

        var (done, outcome) = await TryAsync(mediator, new CancelAppointment { AppointmentId = AppointmentId, Reason = CancelReason }, cancellationToken, prefix: "Cancel");
        if (done)
        {
            TempData.SetNotice(outcome!.Late ? "Appointment cancelled, late: a fee may apply. The client has been told." : "Appointment cancelled. The client has been told.");
            return Redirect($"/Calendar/Appointments/{AppointmentId}");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        if (!IsFrontDesk)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var (done, _) = await TryAsync(mediator, new RescheduleAppointment
            {
                AppointmentId = AppointmentId,
                Date = Move.Date,
                Time = Move.Time,
                TherapistId = Move.TherapistId,
                OutsideHoursReason = string.IsNullOrWhiteSpace(Move.OutsideHoursReason) ? null : Move.OutsideHoursReason,
            }, cancellationToken, prefix: "Move.");
            if (done)
            {
                var moved = await mediator.Send(new GetAppointment(AppointmentId), cancellationToken);
                TempData.SetNotice($"Moved to {calendar.ForReader(moved.StartsAt, null)} with {moved.TherapistName}. The client has been told.");
                return Redirect($"/Calendar/Appointments/{AppointmentId}");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ActAsync<TResult>(IRequest<TResult> command, string notice, CancellationToken cancellationToken)
    {
        var (done, _) = await TryAsync(mediator, command, cancellationToken, errorsNextTo: ActionErrors);
        if (done)
        {
            TempData.SetNotice(notice);
            return Redirect($"/Calendar/Appointments/{AppointmentId}");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Appointment = await mediator.Send(new GetAppointment(AppointmentId), cancellationToken);
        ClientName = (await clientNames.NamesAsync([Appointment.ClientId], cancellationToken)).GetValueOrDefault(Appointment.ClientId, "Client");
        LocalDate = DateOnly.FromDateTime(ClinicClock.ToLocal(Appointment.StartsAt, calendar.TimeZone));
        EndTime = ClinicClock.ToLocal(Appointment.EndsAt, calendar.TimeZone).ToString("HH:mm");
        Therapists = (await therapists.ListAsync(cancellationToken)).Where(t => t.MayBeBooked || t.Id == Appointment.TherapistId).ToList();
        Actions = AvailableActions.For(Appointment.Status, IsFrontDesk);
        if (Move.Date is null && Move.Time is null)
        {
            // The move form starts from where the appointment is now.
            var local = ClinicClock.ToLocal(Appointment.StartsAt, calendar.TimeZone);
            Move = new MoveForm { Date = LocalDate, Time = TimeOnly.FromDateTime(local), TherapistId = Appointment.TherapistId };
        }
    }

    public sealed class MoveForm
    {
        public DateOnly? Date { get; set; }
        public TimeOnly? Time { get; set; }
        public Guid? TherapistId { get; set; }
        public string? OutsideHoursReason { get; set; }
    }
}

/// <summary>What the page offers for an appointment's state and the caller's role (the commands decide the rest).</summary>
internal sealed record AvailableActions(bool CheckIn, bool Complete, bool NoShow, bool Move, bool Cancel)
{
    public static readonly AvailableActions None = new(false, false, false, false, false);

    public bool Any => CheckIn || Complete || NoShow || Move || Cancel;

    public static AvailableActions For(AppointmentStatus status, bool frontDesk) => status switch
    {
        AppointmentStatus.Booked => new(true, false, frontDesk, frontDesk, frontDesk),
        AppointmentStatus.CheckedIn => new(false, true, false, false, false),
        _ => None,
    };
}
