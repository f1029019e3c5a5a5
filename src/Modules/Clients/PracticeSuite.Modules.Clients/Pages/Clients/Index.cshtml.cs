using MediatR;
using Microsoft.AspNetCore.Mvc;
using PracticeSuite.Modules.Clients.Features.Search;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.Clients.Pages.Clients;

public sealed class IndexModel(IMediator mediator) : ClientsPageModel
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "archived")]
    public bool Archived { get; set; }

    /// <summary><c>intake</c>, <c>consent</c> or <c>clearance</c>: only the current clients with that need (the home page's counts link here).</summary>
    [FromQuery(Name = "needs")]
    public string? Needs { get; set; }

    internal ClientNeed? Need => ClientNeeds.Parse(Needs);

    public string? NeedDescription => Need is { } need ? ClientNeeds.Describe(need) : null;

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    internal ClientPage? Results { get; private set; }

    internal IReadOnlyDictionary<Guid, ClientListStatus> Statuses { get; private set; } = new Dictionary<Guid, ClientListStatus>();

    public bool IsManager => Access.IsManager;

    /// <summary>"3 client(s) matching “smi”": what the search found, in the status region a search as you type announces.</summary>
    public string? CountText => Results is not { } results
        ? null
        : (results.TotalIsCapped ? $"More than {results.Total:N0}" : results.Total.ToString("N0")) + " client(s)"
            + (string.IsNullOrWhiteSpace(Q) ? "" : $" matching “{Q}”")
            + (results.TotalIsCapped && !string.IsNullOrWhiteSpace(Q) ? " — type more of the name, e-mail or phone to narrow it" : "");

    /// <summary>The query string of another page of the same list.</summary>
    public string PageLink(int page) => Need is { } need
        ? $"?needs={ClientNeeds.Word(need)}&p={page}"
        : $"?q={Uri.EscapeDataString(Q ?? "")}&archived={Archived}&p={page}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Results = await mediator.Send(
                Need is { } need ? new SearchClients(Page: Math.Max(PageNumber, 1), Need: need) : new SearchClients(Q, Archived, Math.Max(PageNumber, 1)),
                cancellationToken);
            Statuses = await mediator.Send(new GetClientListStatuses(Results.Items.Where(c => c.Visible).Select(c => c.Id).ToList()), cancellationToken);
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }
    }
}
