using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Consent;
using PracticeSuite.Modules.Clients.Features.Intakes;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.Modules.Clients.Pages.Clients;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Clients.Pages.Portal;

public sealed class MyDetailsModel(IMediator mediator, ICurrentUser user) : PortalPageModel(user)
{
    [BindProperty]
    public DetailsForm Input { get; set; } = new();

    internal ConsentStatus Consent { get; private set; } = null!;

    /// <summary>The client has answered the health questions at least once.</summary>
    public bool HasIntake { get; private set; }

    /// <summary>Steps of unsent answers the client has saved; null when none are waiting.</summary>
    public int? DraftStepsDone { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var record = await mediator.Send(new GetClientRecord(OwnClientId), cancellationToken);
        Consent = record.Consent;
        HasIntake = record.LatestIntakeVersion is not null;
        DraftStepsDone = await mediator.Send(new GetIntakeDraftProgress(OwnClientId), cancellationToken);
        Input.Load(record);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var record = await mediator.Send(new GetClientRecord(OwnClientId), cancellationToken);
        Consent = record.Consent;
        HasIntake = record.LatestIntakeVersion is not null;
        DraftStepsDone = await mediator.Send(new GetIntakeDraftProgress(OwnClientId), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(Input.ToUpdate(OwnClientId), cancellationToken);
        TempData.SetNotice("Your details are saved.");
        return RedirectToPage();
    }
}
