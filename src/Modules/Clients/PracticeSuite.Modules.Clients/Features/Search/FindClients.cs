using MediatR;
using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Features.Search;

/// <summary>Answers another module's client picker with the client list's own search, so the same words find the same people.</summary>
internal sealed class FindClientsHandler(IMediator mediator) : IRequestHandler<FindClients, IReadOnlyList<ClientMatch>>
{
    public const int MaxResults = 25;

    public async Task<IReadOnlyList<ClientMatch>> Handle(FindClients request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return []; // a picker lists nobody until something is typed, rather than the first page of everyone
        }

        var text = request.Text.Trim();
        var page = await mediator.Send(new SearchClients(text.Length > 200 ? text[..200] : text, IncludeArchived: false, Page: 1, PageSize: Math.Clamp(request.Max, 1, MaxResults)), cancellationToken);
        return page.Items.Where(c => c.Visible && !c.Archived).Select(c => new ClientMatch(c.Id, c.DisplayName, c.DateOfBirth, c.Email, c.Phone)).ToList();
    }
}
