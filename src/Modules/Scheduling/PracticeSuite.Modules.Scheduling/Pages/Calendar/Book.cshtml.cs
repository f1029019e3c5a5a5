using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar;

/// <summary>
/// Books one appointment: the client found first (or given as <c>?clientId=</c>), then service, therapist, room, date
/// and time, prefilled from the calendar's free slot. The form carries a one-time request id: a second submission
/// of the same form books nothing more and leads to the same appointment.
/// </summary>
public sealed class BookModel(IMediator mediator, ITherapistDirectory therapists, ClinicCalendar calendar) : SchedulingPageModel
{
    [BindProperty]
    public BookingForm Input { get; set; } = new();

    internal ClientPicker Picker { get; private set; } = null!;

    internal BookingChoices Choices { get; private set; } = null!;

    /// <summary>The reason field shows once the booking was refused for being outside hours, or when one was typed.</summary>
    public bool AsksOutsideHoursReason =>
        !string.IsNullOrEmpty(Input.OutsideHoursReason) || ModelState.ContainsKey("Input.OutsideHoursReason") && ModelState["Input.OutsideHoursReason"]!.Errors.Count > 0;

    public async Task OnGetAsync(Guid? clientId, Guid? therapistId, Guid? serviceId, DateOnly? date, TimeOnly? time, string? q, CancellationToken cancellationToken)
    {
        Input = new BookingForm
        {
            ClientId = clientId, TherapistId = therapistId, ServiceId = serviceId, Date = date ?? calendar.Today, Time = time, RequestId = Guid.NewGuid(),
        };
        await LoadAsync(q, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.ClientId is not { } clientId || clientId == Guid.Empty)
        {
            ModelState.AddModelError("", "Find and choose the client first.");
        }
        else if (ModelState.IsValid)
        {
            var (done, id) = await TryAsync(mediator, new BookAppointment
            {
                ClientId = clientId,
                ServiceId = Input.ServiceId ?? Guid.Empty,
                TherapistId = Input.TherapistId ?? Guid.Empty,
                RoomId = Input.RoomId,
                Date = Input.Date,
                Time = Input.Time,
                OutsideHoursReason = string.IsNullOrWhiteSpace(Input.OutsideHoursReason) ? null : Input.OutsideHoursReason,
                RequestId = Input.RequestId,
            }, cancellationToken);
            if (done)
            {
                var booked = await mediator.Send(new GetAppointment(id), cancellationToken);
                TempData.SetNotice($"Booked: {booked.ServiceName} with {booked.TherapistName}, {calendar.ForReader(booked.StartsAt, null)}.");
                return Redirect($"/Calendar/Appointments/{id}");
            }
        }

        await LoadAsync(null, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string? query, CancellationToken cancellationToken)
    {
        var keep = new Dictionary<string, string?>
        {
            ["therapistId"] = Input.TherapistId?.ToString(),
            ["serviceId"] = Input.ServiceId?.ToString(),
            ["date"] = Input.Date?.ToString("yyyy-MM-dd"),
            ["time"] = Input.Time?.ToString("HH\\:mm"),
        };
        Picker = await ClientPicker.LoadAsync(mediator, "/Calendar/Book", Input.ClientId, query, keep, cancellationToken);
        Choices = await BookingChoices.LoadAsync(mediator, therapists, cancellationToken);
    }

    public sealed class BookingForm
    {
        public Guid? ClientId { get; set; }
        public Guid? ServiceId { get; set; }
        public Guid? TherapistId { get; set; }
        public Guid? RoomId { get; set; }
        public DateOnly? Date { get; set; }
        public TimeOnly? Time { get; set; }
        public string? OutsideHoursReason { get; set; }

        /// <summary>Made when the form is first shown; kept through refusals, so one form books at most once.</summary>
        public Guid? RequestId { get; set; }
    }
}
