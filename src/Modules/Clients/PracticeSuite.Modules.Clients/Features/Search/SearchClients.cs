using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Records;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Search;

/// <summary>
/// Finds clients by name, e-mail or phone, among those the caller may see. Every word of the query must match
/// (<see cref="SearchWords"/>): the start of one of the client's words ("jo smi" finds John Smith), or from three
/// characters anywhere inside a name word ("ones" finds Smith-Jones) or anywhere in the phone number's digits; an
/// e-mail address is matched by its start. Matches by word starts come first — whole words before longer ones
/// ("smith" before "smithers"), then by name — and matches inside words after them, by the ending matched, then by name.
/// </summary>
/// <param name="Need">Only the current clients with this need (<see cref="ClientNeeds"/>), by name; the query is then not used.</param>
internal sealed record SearchClients(string? Query = null, bool IncludeArchived = false, int Page = 1, int PageSize = SearchClients.DefaultPageSize, ClientNeed? Need = null)
    : IQuery<ClientPage>
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxWords = 5;

    /// <summary>How far into a list pages reach: every match before the page is read, and past this a search should be narrowed.</summary>
    public const int MaxPosition = 100_000;

    /// <summary>
    /// Counting stops here: past two pages "more than 50 — refine the search" helps a receptionist more than an
    /// exact figure, and every match counted is read (build/bench/Clients.md). Later pages still come, page by page.
    /// </summary>
    public const int MaxCounted = 50;
}

/// <param name="Total">How many clients match, up to <see cref="SearchClients.MaxCounted"/>.</param>
/// <param name="TotalIsCapped">True when more than <see cref="SearchClients.MaxCounted"/> match (Total is then the cap).</param>
internal sealed record ClientPage(IReadOnlyList<ClientListItem> Items, int Total, int Page, int PageSize, bool TotalIsCapped = false)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    /// <summary>Whether a next page exists; past the counting cap, a full page means there may be more.</summary>
    public bool HasNext => TotalIsCapped ? Items.Count == PageSize : Page < PageCount;
}

internal sealed class SearchClientsValidator : AbstractValidator<SearchClients>
{
    public SearchClientsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Pages start at 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, SearchClients.MaxPageSize).WithMessage($"Ask for 1 to {SearchClients.MaxPageSize} clients per page.");
        RuleFor(q => q.Query).MaximumLength(200);
        RuleFor(q => q.Page)
            .Must((q, page) => (long)page * q.PageSize <= SearchClients.MaxPosition)
            .When(q => q.PageSize is >= 1 and <= SearchClients.MaxPageSize)
            .WithMessage($"Pages reach only the first {SearchClients.MaxPosition:N0} clients; narrow the search.");
    }
}

internal sealed class SearchClientsHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<SearchClients, ClientPage>
{

    public async Task<ClientPage> Handle(SearchClients request, CancellationToken cancellationToken)
    {
        if (request.Need is { } need)
        {
            return await NeedingAsync(request, need, cancellationToken);
        }

        var words = SearchWords.Parse(request.Query);

        // Both queries on one open connection: each open costs a pool round trip and EF Core's connection set-up.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var _ = new ConnectionCloser(db);
        return words.Prefixes.Count == 0
            ? await ListAsync(request, cancellationToken)
            : await SearchAsync(request, words, cancellationToken);
    }

    /// <summary>No query: everyone the caller may see, by name (the sort-name index gives the page directly).</summary>
    private async Task<ClientPage> ListAsync(SearchClients request, CancellationToken cancellationToken)
    {
        var ids = await ClientSearchQuery.ListAsync(db, request.IncludeArchived, access.SearchScope(), NeededIds(request), cancellationToken);
        return await PageAsync(request, ids, cancellationToken);
    }

    /// <summary>
    /// First the clients every word starts a term of, then — only when these do not fill the page and the count, and
    /// a word is long enough to match inside a word — those it is found inside of. Each is a walk of a covering index
    /// in (term, name) order — for word starts, exact words before longer ones, then by name — with the other words
    /// probed per client, so the work grows with the page asked for, not with the number of matches (SQL in
    /// <see cref="ClientSearchQuery"/>).
    /// </summary>
    private async Task<ClientPage> SearchAsync(SearchClients request, SearchWords words, CancellationToken cancellationToken)
    {
        var needed = NeededIds(request);
        var ids = new List<Guid>();
        var found = new HashSet<Guid>();
        await CollectAsync(request, words.Prefixes.Select(w => (w, SearchIndex.Terms)).ToList(), ids, found, needed, cancellationToken);
        if (ids.Count < needed && words.MayMatchInside)
        {
            // A word of three characters or more anywhere inside a word (its fragments), a shorter one at a word start.
            var inside = words.Prefixes.Select(w => (w, w.Length >= SearchText.InsideWordMinimum ? SearchIndex.Fragments : SearchIndex.Terms)).ToList();
            await CollectAsync(request, inside, ids, found, needed, cancellationToken);
        }

        return await PageAsync(request, ids, cancellationToken);
    }

    /// <summary>
    /// Adds to <paramref name="ids"/> the clients a walk finds that are not there yet, in walk order, until
    /// <paramref name="needed"/> are known or the walk ends. A client can match through several entries (a given name
    /// and an e-mail starting alike; several endings): it counts once, at its first place. Read two entries per client
    /// needed, and more when that was not enough.
    /// </summary>
    private async Task CollectAsync(
        SearchClients request, IReadOnlyList<(string, SearchIndex)> words, List<Guid> ids, HashSet<Guid> found, int needed, CancellationToken cancellationToken)
    {
        var before = ids.Count;
        for (var walk = needed * 2; ; walk *= 4)
        {
            var walked = await ClientSearchQuery.WalkAsync(db, words, request.IncludeArchived, access.SearchScope(), walk, cancellationToken);
            ids.RemoveRange(before, ids.Count - before);
            found.Clear();
            found.UnionWith(ids);
            ids.AddRange(walked.Where(found.Add));
            if (ids.Count >= needed || walked.Count < walk)
            {
                return;
            }
        }
    }

    /// <summary>The clients the home page counted for a need, by name (the same definition, <see cref="ClientNeeds.Having"/>).</summary>
    private async Task<ClientPage> NeedingAsync(SearchClients request, ClientNeed need, CancellationToken cancellationToken)
    {
        var ids = await access.Visible().Having(need, db).OrderBy(c => c.SortName).ThenBy(c => c.Id).Select(c => c.Id)
            .Take(NeededIds(request)).ToListAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var _ = new ConnectionCloser(db);
        return await PageAsync(request, ids, cancellationToken);
    }

    /// <summary>The matches to find: up to the end of the page asked for, and one past the counting cap.</summary>
    private static int NeededIds(SearchClients request) =>
        Math.Max(request.Page * request.PageSize, SearchClients.MaxCounted + 1);

    /// <summary>The page asked for out of the matching ids in order, and the count up to the cap.</summary>
    private async Task<ClientPage> PageAsync(SearchClients request, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var page = ids.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        var items = await ClientSearchQuery.ItemsAsync(db, page, cancellationToken);
        return new ClientPage(items, Math.Min(ids.Count, SearchClients.MaxCounted), request.Page, request.PageSize, ids.Count > SearchClients.MaxCounted);
    }

    private sealed class ConnectionCloser(ClientsDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}

/// <summary>
/// What a query asks for: its normalised words, longest first (usually the rarest, it drives the index walk), and
/// whether they may also be found inside words.
/// </summary>
/// <param name="MayMatchInside">False for an e-mail address and when every word is shorter than <see cref="SearchText.InsideWordMinimum"/>.</param>
internal sealed record SearchWords(IReadOnlyList<string> Prefixes, bool MayMatchInside)
{
    private static readonly SearchWords None = new([], false);

    /// <summary>
    /// An e-mail address (it has an @) is one prefix. A phone number (digits and + ( ) - . only) is its digits without
    /// leading zeros — the stored number's national form is a term, and "07700 900" is found inside "447700900123"
    /// — matched anywhere from three digits. Anything else is up to <see cref="SearchClients.MaxWords"/> words, each a
    /// word start and, from <see cref="SearchText.InsideWordMinimum"/> characters, anywhere inside a word.
    /// </summary>
    public static SearchWords Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return None;
        }

        var trimmed = query.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            var email = string.Concat(SearchText.Words(trimmed));
            return email.Length == 0 ? None : new([Cap(email)], false);
        }

        if (trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '(' or ')' or '-' or '.') && trimmed.Any(char.IsAsciiDigit))
        {
            var digits = SearchText.Digits(trimmed).TrimStart('0');
            return digits.Length == 0
                ? None
                : new([Cap(digits)], digits.Length >= SearchText.InsideWordMinimum);
        }

        var words = SearchText.Words(trimmed).Distinct().Take(SearchClients.MaxWords).Select(Cap).OrderByDescending(w => w.Length).ToList();
        return words.Count == 0 ? None : new(words, words.Any(w => w.Length >= SearchText.InsideWordMinimum));
    }

    private static string Cap(string term) => term.Length > SearchText.MaxTermLength ? term[..SearchText.MaxTermLength] : term;
}
