using MediatR;
using Microsoft.AspNetCore.WebUtilities;
using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Scheduling.Pages;

/// <summary>
/// Finding the client a booking is for: a search (the Clients module's, through <see cref="FindClients"/>) whose results
/// link back to the same page with <c>clientId</c> and whatever else the page was given, or the chosen client's name.
/// </summary>
/// <param name="Keep">The page's other query values (therapist, date, time…), carried through the search and the choice.</param>
internal sealed record ClientPicker(string PagePath, string? Query, IReadOnlyList<ClientMatch>? Matches, IReadOnlyDictionary<string, string?> Keep, ClientSummary? Chosen)
{
    public const int MaxMatches = 10;

    public string ChooseLink(Guid clientId) =>
        QueryHelpers.AddQueryString(PagePath, Keep.Where(k => !string.IsNullOrEmpty(k.Value)).Append(new("clientId", clientId.ToString())));

    public string ChangeLink => QueryHelpers.AddQueryString(PagePath, Keep.Where(k => !string.IsNullOrEmpty(k.Value)));

    public string? CountText => Matches is null ? null : Matches.Count switch
    {
        0 => $"Nobody found for “{Query}”.",
        1 => "1 client found.",
        var n => $"{n} clients found{(n == MaxMatches ? " (the best matches: type more to narrow it)" : "")}.",
    };

    public static async Task<ClientPicker> LoadAsync(IMediator mediator, string pagePath, Guid? clientId, string? query, IReadOnlyDictionary<string, string?> keep, CancellationToken cancellationToken)
    {
        if (clientId is { } id && id != Guid.Empty)
        {
            return new ClientPicker(pagePath, null, null, keep, await mediator.Send(new GetClientSummary(id), cancellationToken));
        }

        var matches = string.IsNullOrWhiteSpace(query) ? null : await mediator.Send(new FindClients(query.Trim(), MaxMatches), cancellationToken);
        return new ClientPicker(pagePath, query, matches, keep, null);
    }
}
