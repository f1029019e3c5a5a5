using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Clients.Pages.Portal;

public sealed class ContactModel(IMediator mediator, ICurrentUser user) : PortalPageModel(user)
{
    [BindProperty]
    public PreferencesForm Input { get; set; } = new();

    public IReadOnlyList<ContactPreference> Preferences { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await mediator.Send(new UpdateContactPreferences
        {
            ClientId = OwnClientId,
            Preferences = Input.Preferences.Select(p => new ContactPreferenceInput(p.Kind, p.Channel, p.Allowed)).ToList(),
        }, cancellationToken);
        TempData.SetNotice("Your contact preferences are saved.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Preferences = (await mediator.Send(new GetContactPreferences(OwnClientId), cancellationToken)).Preferences;

    public sealed class PreferencesForm
    {
        public List<PreferenceForm> Preferences { get; set; } = [];
    }

    public sealed class PreferenceForm
    {
        public ContactKind Kind { get; set; }
        public ContactChannel Channel { get; set; }
        public bool Allowed { get; set; }
    }
}
