using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class NewModel(IMediator mediator, ClinicCalendar calendar) : ClientsPageModel
{
    [BindProperty]
    public RegisterClient Input { get; set; } = new();

    public IReadOnlyList<ClientListItem> Duplicates { get; private set; } = [];

    public void OnGet() => Input = new RegisterClient { TimeZone = calendar.TimeZoneId };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page(); // e.g. a date that is not a date: say so rather than register without it
        }

        if (!Input.ConfirmedNotDuplicate)
        {
            // Likely duplicates are shown before anything is saved; the user confirms to go ahead.
            Duplicates = await mediator.Send(new FindLikelyDuplicates(Input.Email, Input.GivenName, Input.FamilyName, Input.DateOfBirth), cancellationToken);
            if (Duplicates.Count > 0)
            {
                return Page();
            }
        }

        var id = await mediator.Send(Input, cancellationToken);
        return Redirect($"/Clients/{id}");
    }
}
