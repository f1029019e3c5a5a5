using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Application;

/// <summary>
/// Finds clients by name, e-mail or phone, among those the caller may see. Every word of the query must be
/// the start of one of the client's search terms ("jo smi" finds John Smith); an e-mail address or a phone
/// number is matched as one term.
/// </summary>
public sealed record SearchClients(string? Query = null, bool IncludeArchived = false, int Page = 1, int PageSize = SearchClients.DefaultPageSize)
    : IQuery<ClientPage>
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxWords = 5;

    /// <summary>Counting stops here: "1,000 or more" is as useful as an exact figure, and counting on costs time with every match.</summary>
    public const int MaxCounted = 1000;
}

/// <param name="Total">How many clients match, up to <see cref="SearchClients.MaxCounted"/>.</param>
/// <param name="TotalIsCapped">True when more than <see cref="SearchClients.MaxCounted"/> match (Total is then the cap).</param>
public sealed record ClientPage(IReadOnlyList<ClientListItem> Items, int Total, int Page, int PageSize, bool TotalIsCapped = false)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public sealed class SearchClientsValidator : AbstractValidator<SearchClients>
{
    public SearchClientsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Pages start at 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, SearchClients.MaxPageSize).WithMessage($"Ask for 1 to {SearchClients.MaxPageSize} clients per page.");
        RuleFor(q => q.Query).MaximumLength(200);
    }
}

public sealed class SearchClientsHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<SearchClients, ClientPage>
{
    public async Task<ClientPage> Handle(SearchClients request, CancellationToken cancellationToken)
    {
        var clients = access.Visible().AsNoTracking().Where(c => c.ErasedAt == null);
        if (!request.IncludeArchived)
        {
            clients = clients.Where(c => c.ArchivedAt == null);
        }

        foreach (var prefix in QueryTerms(request.Query))
        {
            // A range on the indexed term column (term >= prefix AND term < next) instead of LIKE, which
            // neither provider can answer from a plain index for every collation.
            var upper = SearchText.PrefixUpperBound(prefix);
            var matching = db.SearchTerms
                .Where(t => string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0)
                .Select(t => t.ClientId);
            clients = clients.Where(c => matching.Contains(c.Id));
        }

        var counted = await clients.Take(SearchClients.MaxCounted + 1).CountAsync(cancellationToken);
        var items = await clients
            .OrderBy(c => c.SortName).ThenBy(c => c.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(ClientListItem.Projection)
            .ToListAsync(cancellationToken);
        return new ClientPage(items, Math.Min(counted, SearchClients.MaxCounted), request.Page, request.PageSize, counted > SearchClients.MaxCounted);
    }

    /// <summary>The prefixes a query asks for, normalised like the stored terms.</summary>
    public static IReadOnlyList<string> QueryTerms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var trimmed = query.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            var email = string.Concat(SearchText.Words(trimmed));
            return email.Length == 0 ? [] : [Cap(email)];
        }

        if (trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '(' or ')' or '-' or '.') && trimmed.Any(char.IsAsciiDigit))
        {
            // Phone numbers are stored with and without leading zeros; match the form without.
            var digits = SearchText.Digits(trimmed).TrimStart('0');
            return digits.Length == 0 ? [] : [Cap(digits)];
        }

        return SearchText.Words(trimmed).Distinct().Take(SearchClients.MaxWords).Select(Cap).ToList();
    }

    private static string Cap(string term) => term.Length > SearchText.MaxTermLength ? term[..SearchText.MaxTermLength] : term;
}
