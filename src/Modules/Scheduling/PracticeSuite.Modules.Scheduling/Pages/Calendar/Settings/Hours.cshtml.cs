using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Domain;
using PracticeSuite.Modules.Scheduling.Features.Availability;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar.Settings;

/// <summary>A therapist's weekly hours (several ranges a day, typed as text) and time off.</summary>
public sealed class HoursModel(IMediator mediator, ITherapistDirectory therapists) : SchedulingPageModel
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [FromRoute(Name = "therapistId")]
    public Guid? RequestedTherapist { get; set; }

    /// <summary>Each day's ranges as typed: "09:00–13:00, 14:00–18:00" (read from the form by the hours handler only).</summary>
    public Dictionary<DayOfWeek, string?> Days { get; set; } = [];

    [BindProperty]
    public TimeOffForm Off { get; set; } = new();

    public Guid TherapistId { get; private set; }

    public string TherapistName { get; private set; } = "";

    public IReadOnlyList<TherapistSummary> Therapists { get; private set; } = [];

    internal IReadOnlyList<TimeOff> TimeOff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var availability = await mediator.Send(new GetTherapistAvailability(TherapistId), cancellationToken);
        Days = Week.ToDictionary(d => d, d => (string?)string.Join(", ", availability.Hours.Where(h => h.Day == d).Select(h => $"{h.Start:HH\\:mm}–{h.End:HH\\:mm}")));
        return Page();
    }

    public async Task<IActionResult> OnPostHoursAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Days = Week.ToDictionary(d => d, d => (string?)Request.Form[$"Days[{d}]"].ToString());
        var ranges = new List<HoursRange>();
        foreach (var day in Week)
        {
            if (ParseRanges(Days.GetValueOrDefault(day)) is { } parsed)
            {
                ranges.AddRange(parsed.Select(r => new HoursRange(day, r.Start, r.End)));
            }
            else
            {
                ModelState.AddModelError($"Days[{day}]", $"{day}: write each range as 09:00–13:00, separated by commas.");
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            var (done, _) = await TryAsync(mediator, new SetWorkingHours(TherapistId, ranges), cancellationToken, errorsNextTo: "hours");
            if (done)
            {
                TempData.SetNotice($"{TherapistName}'s hours saved.");
                return Redirect($"/Calendar/Settings/Hours/{TherapistId}");
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostTimeOffAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await KeepHoursAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            var (done, _) = await TryAsync(mediator, new AddTimeOff(TherapistId, Off.FirstDay, Off.LastDay, Off.Reason), cancellationToken, prefix: "Off.");
            if (done)
            {
                TempData.SetNotice($"Time off added for {TherapistName}.");
                return Redirect($"/Calendar/Settings/Hours/{TherapistId}#time-off");
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveTimeOffAsync(Guid timeOffId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || TimeOff.All(t => t.Id != timeOffId))
        {
            return NotFound();
        }

        await mediator.Send(new RemoveTimeOff(timeOffId), cancellationToken);
        TempData.SetNotice("Time off removed.");
        return Redirect($"/Calendar/Settings/Hours/{TherapistId}#time-off");
    }

    /// <summary>"09:00-13:00, 14:00–18:00" as ranges; null when it cannot be read (an empty day is a day off).</summary>
    internal static List<(TimeOnly Start, TimeOnly End)>? ParseRanges(string? text)
    {
        var ranges = new List<(TimeOnly, TimeOnly)>();
        foreach (var part in (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['–', '-', '—'], StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryTime(ends[0], out var start) || !TryTime(ends[1], out var end))
            {
                return null;
            }

            ranges.Add((start, end));
        }

        return ranges;

        static bool TryTime(string text, out TimeOnly time) =>
            TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "H.mm", "HH.mm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private async Task KeepHoursAsync(CancellationToken cancellationToken)
    {
        var availability = await mediator.Send(new GetTherapistAvailability(TherapistId), cancellationToken);
        Days = Week.ToDictionary(d => d, d => (string?)string.Join(", ", availability.Hours.Where(h => h.Day == d).Select(h => $"{h.Start:HH\\:mm}–{h.End:HH\\:mm}")));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Therapists = await therapists.ListAsync(cancellationToken);
        var therapist = RequestedTherapist is { } id ? Therapists.FirstOrDefault(t => t.Id == id) : Therapists.FirstOrDefault();
        if (therapist is null)
        {
            return false;
        }

        TherapistId = therapist.Id;
        TherapistName = therapist.DisplayName;
        TimeOff = (await mediator.Send(new GetTherapistAvailability(TherapistId), cancellationToken)).TimeOff;
        return true;
    }

    public sealed class TimeOffForm
    {
        public DateOnly? FirstDay { get; set; }
        public DateOnly? LastDay { get; set; }
        public string? Reason { get; set; }
    }
}
