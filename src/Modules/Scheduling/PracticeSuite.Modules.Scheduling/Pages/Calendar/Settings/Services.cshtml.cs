using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Scheduling.Contracts;
using PracticeSuite.Modules.Scheduling.Features.Services;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Scheduling.Pages.Calendar.Settings;

/// <summary>The manager's service list: add, edit, retire and reinstate, and who offers each.</summary>
public sealed class ServicesModel(IMediator mediator, ITherapistDirectory therapists) : SchedulingPageModel
{
    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    internal IReadOnlyList<ServiceView> Services { get; private set; } = [];

    public IReadOnlyList<TherapistSummary> Therapists { get; private set; } = [];

    public string? EditedName => Services.FirstOrDefault(s => s.Id == Input.ServiceId)?.Name;

    public string TherapistName(Guid id) => Therapists.FirstOrDefault(t => t.Id == id)?.DisplayName ?? "A former therapist";

    internal IEnumerable<string> Options(ServiceView service)
    {
        if (service.NeedsRoom) { yield return "room"; }
        if (service.IsConsultation) { yield return "consultation"; }
        if (service.OnlineBooking) { yield return service.NeedsApproval ? "online, approved by the clinic" : "online"; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (edit is { } id)
        {
            var service = Services.FirstOrDefault(s => s.Id == id);
            if (service is null)
            {
                return NotFound();
            }

            Input = new ServiceForm
            {
                ServiceId = service.Id, Name = service.Name, DurationMinutes = service.DurationMinutes, BufferAfterMinutes = service.BufferAfterMinutes,
                IsConsultation = service.IsConsultation, OnlineBooking = service.OnlineBooking, NeedsApproval = service.NeedsApproval, NeedsRoom = service.NeedsRoom,
                TherapistIds = service.TherapistIds.ToList(),
            };
        }
        else
        {
            Input = new ServiceForm { TherapistIds = Therapists.Select(t => t.Id).ToList() };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (done, _) = await TryAsync(mediator, new SaveService
            {
                ServiceId = Input.ServiceId, Name = Input.Name, DurationMinutes = Input.DurationMinutes, BufferAfterMinutes = Input.BufferAfterMinutes,
                IsConsultation = Input.IsConsultation, OnlineBooking = Input.OnlineBooking, NeedsApproval = Input.NeedsApproval, NeedsRoom = Input.NeedsRoom,
                TherapistIds = Input.TherapistIds.Distinct().ToList(),
            }, cancellationToken);
            if (done)
            {
                TempData.SetNotice(Input.ServiceId is null ? $"{Input.Name!.Trim()} added." : $"{Input.Name!.Trim()} saved.");
                return Redirect("/Calendar/Settings/Services");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRetiredAsync(Guid serviceId, bool retired, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the add form's fields were not posted
        var (done, _) = await TryAsync(mediator, new SetServiceRetired(serviceId, retired), cancellationToken, errorsNextTo: "retire");
        if (done)
        {
            TempData.SetNotice(retired ? "Service retired: it stays on past appointments but can no longer be booked." : "Service reinstated.");
            return Redirect("/Calendar/Settings/Services");
        }

        await LoadAsync(cancellationToken);
        Input = new ServiceForm { TherapistIds = Therapists.Select(t => t.Id).ToList() };
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Services = await mediator.Send(new GetServices(IncludeRetired: true), cancellationToken);
        Therapists = await therapists.ListAsync(cancellationToken);
    }

    public sealed class ServiceForm
    {
        public Guid? ServiceId { get; set; }
        public string? Name { get; set; }
        public int DurationMinutes { get; set; } = 60;
        public int BufferAfterMinutes { get; set; } = 15;
        public bool IsConsultation { get; set; }
        public bool OnlineBooking { get; set; }
        public bool NeedsApproval { get; set; }
        public bool NeedsRoom { get; set; } = true;
        public List<Guid> TherapistIds { get; set; } = [];
    }
}
