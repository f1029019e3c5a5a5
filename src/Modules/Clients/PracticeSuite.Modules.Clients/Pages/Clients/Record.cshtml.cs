using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Features.Privacy;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.Modules.Clients.Features.Screening;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class RecordModel(IMediator mediator) : ClientsPageModel
{
    /// <summary>Reception sees that an intake exists, never its answers.</summary>
    public bool MayReadHealthInformation => Access.IsClinician;

    [FromRoute]
    public Guid ClientId { get; set; }

    [BindProperty]
    public CareTeamForm Input { get; set; } = new();

    internal ClientHeader Header { get; private set; } = null!;

    internal ClientRecord Record { get; private set; } = null!;

    internal IReadOnlyList<FlagDetails> Flags { get; private set; } = [];

    public IReadOnlyList<TherapistSummary> Therapists { get; private set; } = [];

    public bool IsManager => Access.IsManager;

    /// <summary>The danger action awaiting confirmation ("archive"), shown as a second step before it is posted.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    /// <summary>Where the errors of the Manage section's actions are shown: next to their buttons.</summary>
    public const string ManageErrors = "manage";

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCareTeamAsync(Guid? preferred, CancellationToken cancellationToken)
    {
        var ids = (Input.TherapistIds ?? []).Distinct().ToList(); // no box ticked: the team is cleared
        if (preferred is { } first && ids.Remove(first))
        {
            ids.Insert(0, first);
        }

        return await RunAsync(new SetCareTeam { ClientId = ClientId, TherapistIds = ids }, "Care team saved.", cancellationToken);
    }

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken) =>
        ManagerAsync(new ArchiveClient(ClientId), "Client archived. Restore them here at any time.", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        ManagerAsync(new RestoreClient(ClientId), "Client restored.", cancellationToken);

    public Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken) =>
        ManagerAsync(new InviteClientToPortal(ClientId), "Portal invitation sent.", cancellationToken);

    public Task<IActionResult> OnPostEraseAsync(bool confirmed, CancellationToken cancellationToken) =>
        ManagerAsync(new EraseClient { ClientId = ClientId, Confirmed = confirmed }, "Client erased: their personal and health data are gone.", cancellationToken);

    private async Task<IActionResult> ManagerAsync<TResult>(IRequest<TResult> command, string notice, CancellationToken cancellationToken) =>
        Access.IsManager ? await RunAsync(command, notice, cancellationToken, errorsNextTo: ManageErrors) : Forbid();

    private async Task<IActionResult> RunAsync<TResult>(IRequest<TResult> command, string notice, CancellationToken cancellationToken, string? errorsNextTo = null)
    {
        try
        {
            await mediator.Send(command, cancellationToken);
        }
        catch (SharedKernel.Errors.RequestValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(errorsNextTo ?? $"Input.{field}", message);
                }
            }
        }
        catch (SharedKernel.Errors.BusinessRuleException rule)
        {
            ModelState.AddModelError(errorsNextTo ?? string.Empty, rule.Message);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData.SetNotice(notice);
        return Redirect($"/Clients/{ClientId}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new GetClientRecordPage(ClientId), cancellationToken);
        Record = page.Record;
        Header = new ClientHeader(ClientId, page.Record.DisplayName, page.Record.Archived, page.Eligibility, "record", Access.IsManager, Access.IsClinician);
        Flags = page.Flags;
        Therapists = page.Therapists;
    }

    public sealed class CareTeamForm
    {
        /// <summary>The ticked therapists; none ticked clears the team.</summary>
        public List<Guid>? TherapistIds { get; set; }
    }
}
