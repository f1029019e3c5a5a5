using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class NewModel(IMediator mediator, ClinicCalendar calendar) : ClientsPageModel
{
    [BindProperty]
    public NewClientForm Input { get; set; } = new();

    internal LikelyDuplicates Duplicates { get; private set; } = LikelyDuplicates.None;

    /// <param name="name">A name searched for and not found ("Register 'Ann Lee'"): the last word is taken as the family name.</param>
    public void OnGet(string? name)
    {
        Input = new NewClientForm { TimeZone = calendar.TimeZoneId, PressurePreference = default(PressurePreference).ToString() };
        var words = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length >= 2 && name!.Length <= 200)
        {
            Input.GivenName = string.Join(' ', words[..^1]);
            Input.FamilyName = words[^1];
        }
    }

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
            if (Duplicates.Any)
            {
                return Page();
            }
        }

        var id = await mediator.Send(Input.ToCommand(), cancellationToken);
        TempData.SetNotice("Client registered.");
        return Redirect($"/Clients/{id}");
    }

    public sealed class NewClientForm : DetailsForm
    {
        /// <summary>The user saw the likely duplicates and registers a new client anyway.</summary>
        public bool ConfirmedNotDuplicate { get; set; }

        internal RegisterClient ToCommand() => new()
        {
            GivenName = GivenName,
            FamilyName = FamilyName,
            DateOfBirth = DateOfBirth,
            Email = Email,
            Phone = Phone,
            Address = Address,
            EmergencyContactName = EmergencyContactName,
            EmergencyContactPhone = EmergencyContactPhone,
            TimeZone = TimeZone,
            PressurePreference = Pressure,
            PainThresholdNotes = PainThresholdNotes,
            ConfirmedNotDuplicate = ConfirmedNotDuplicate,
        };
    }
}
