using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar;

/// <summary>
/// A weekly series: "Check dates" lists each date free or why not; "Book all" books every date or none, "Book the free
/// dates only" skips the taken ones. One request id per form, so a double submission books the series once.
/// </summary>
public sealed class SeriesModel(IMediator mediator, ITherapistDirectory therapists, ClinicCalendar calendar) : SchedulingPageModel
{
    [BindProperty]
    public SeriesForm Input { get; set; } = new();

    internal ClientPicker Picker { get; private set; } = null!;

    internal BookingChoices Choices { get; private set; } = null!;

    internal IReadOnlyList<SeriesOccurrence>? Preview { get; private set; }

    public string PreviewSummary => Preview is not { } dates ? "" : dates.Count(o => o.Conflict is not null) switch
    {
        0 => $"All {dates.Count} dates are free.",
        var taken => $"{dates.Count - taken} of {dates.Count} dates are free; {taken} {(taken == 1 ? "is" : "are")} not.",
    };

    public async Task OnGetAsync(Guid? clientId, Guid? therapistId, Guid? serviceId, DateOnly? date, TimeOnly? time, string? q, CancellationToken cancellationToken)
    {
        Input = new SeriesForm { ClientId = clientId, TherapistId = therapistId, ServiceId = serviceId, FirstDate = date, Time = time, RequestId = Guid.NewGuid() };
        await LoadAsync(q, cancellationToken);
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        if (Ready())
        {
            var problems = Problems();
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError($"Input.{field}", message);
            }

            if (problems.Count == 0)
            {
                var (_, dates) = await TryAsync(mediator, new PreviewAppointmentSeries(Input.ClientId!.Value, Input.ServiceId!.Value, Input.TherapistId!.Value,
                    Input.RoomId, Input.FirstDate, Input.Time, Input.Occurrences, Input.IntervalWeeks), cancellationToken);
                Preview = dates;
            }
        }

        await LoadAsync(null, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostBookAsync(CancellationToken cancellationToken) => BookAsync(freeOnly: false, cancellationToken);

    public Task<IActionResult> OnPostBookFreeAsync(CancellationToken cancellationToken) => BookAsync(freeOnly: true, cancellationToken);

    private async Task<IActionResult> BookAsync(bool freeOnly, CancellationToken cancellationToken)
    {
        if (Ready())
        {
            var (done, booking) = await TryAsync(mediator, new BookAppointmentSeries
            {
                ClientId = Input.ClientId!.Value,
                ServiceId = Input.ServiceId ?? Guid.Empty,
                TherapistId = Input.TherapistId ?? Guid.Empty,
                RoomId = Input.RoomId,
                FirstDate = Input.FirstDate,
                Time = Input.Time,
                Occurrences = Input.Occurrences,
                IntervalWeeks = Input.IntervalWeeks,
                BookFreeOnly = freeOnly,
                RequestId = Input.RequestId,
            }, cancellationToken);
            if (done)
            {
                TempData.SetNotice($"Booked {booking!.Booked.Count} appointments" +
                    (booking.Skipped.Count == 0 ? "." : $"; not booked: {string.Join(", ", booking.Skipped.Select(s => s.Date.ToString("d MMM")))}."));
                return Redirect($"/Clients/{Input.ClientId}/Appointments");
            }

            if (Problems().Count == 0)
            {
                // Refused: the dates as they stand now, so the reason is beside each.
                var (_, dates) = await TryAsync(mediator, new PreviewAppointmentSeries(Input.ClientId!.Value, Input.ServiceId!.Value, Input.TherapistId!.Value,
                    Input.RoomId, Input.FirstDate, Input.Time, Input.Occurrences, Input.IntervalWeeks), cancellationToken);
                Preview = dates is { Count: > 0 } ? dates : null;
            }
        }

        await LoadAsync(null, cancellationToken);
        return Page();
    }

    /// <summary>A client is chosen and what was typed could be read.</summary>
    private bool Ready()
    {
        if (Input.ClientId is not { } id || id == Guid.Empty)
        {
            ModelState.AddModelError("", "Find and choose the client first.");
            return false;
        }

        return ModelState.IsValid;
    }

    /// <summary>The series' own limits, as the booking checks them, for "Check dates" (the preview answers nothing when they are broken).</summary>
    private List<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Input.ServiceId is null) { problems.Add(("ServiceId", "Choose a service.")); }
        if (Input.TherapistId is null) { problems.Add(("TherapistId", "Choose a therapist.")); }
        if (Input.FirstDate is null) { problems.Add(("FirstDate", "Enter the date of the first appointment.")); }
        if (Input.Time is null) { problems.Add(("Time", "Enter the time.")); }
        if (Input.Occurrences is < 2 or > 52) { problems.Add(("Occurrences", "A series has from 2 to 52 appointments.")); }
        if (Input.IntervalWeeks is < 1 or > 4) { problems.Add(("IntervalWeeks", "Repeat every 1 to 4 weeks.")); }
        return problems;
    }

    private async Task LoadAsync(string? query, CancellationToken cancellationToken)
    {
        var keep = new Dictionary<string, string?>
        {
            ["therapistId"] = Input.TherapistId?.ToString(),
            ["serviceId"] = Input.ServiceId?.ToString(),
            ["date"] = Input.FirstDate?.ToString("yyyy-MM-dd"),
            ["time"] = Input.Time?.ToString("HH\\:mm"),
        };
        Input.FirstDate ??= calendar.Today.AddDays(1);
        Picker = await ClientPicker.LoadAsync(mediator, "/Calendar/Series", Input.ClientId, query, keep, cancellationToken);
        Choices = await BookingChoices.LoadAsync(mediator, therapists, cancellationToken);
    }

    public sealed class SeriesForm
    {
        public Guid? ClientId { get; set; }
        public Guid? ServiceId { get; set; }
        public Guid? TherapistId { get; set; }
        public Guid? RoomId { get; set; }
        public DateOnly? FirstDate { get; set; }
        public TimeOnly? Time { get; set; }
        public int Occurrences { get; set; } = 6;
        public int IntervalWeeks { get; set; } = 1;
        public Guid? RequestId { get; set; }
    }
}
