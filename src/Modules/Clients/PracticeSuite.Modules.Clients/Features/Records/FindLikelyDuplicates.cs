using System.Globalization;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Records;

/// <summary>
/// Existing clients that are probably the same person: same e-mail, or same name and date of birth. Audited: who
/// looked for which details' matches is on the trail, as any read of client records is.
/// </summary>
internal sealed record FindLikelyDuplicates(string? Email, string? GivenName, string? FamilyName, DateOnly? DateOfBirth, Guid? ExceptClientId = null)
    : IQuery<LikelyDuplicates>, IAuditedRequest<LikelyDuplicates>
{
    public AuditSubject DescribeAudit(LikelyDuplicates result) => new(
        ClientAudit.DuplicatesChecked, ClientAudit.DuplicateCheck,
        result.MatchedIds.Count.ToString(CultureInfo.InvariantCulture), result.MatchedIds.Count > 0 ? result.MatchedIds[0] : null);
}

/// <summary>
/// The matches the caller may open, as the client list shows them; for a match the caller may not open, only that one
/// exists and whom to ask (issue 16: the check must not tell a therapist who else the clinic treats).
/// </summary>
/// <param name="Matches">Matches the caller may open.</param>
/// <param name="OthersExist">At least one more client matches whom the caller may not open.</param>
/// <param name="Notice">What to do about those, in words; null when there are none.</param>
internal sealed record LikelyDuplicates(IReadOnlyList<ClientListItem> Matches, bool OthersExist, string? Notice)
{
    public const string HiddenMatchNotice =
        "A client with these details is already registered; ask the clinic's manager or reception to add you to their care team.";

    public static readonly LikelyDuplicates None = new([], false, null);

    /// <summary>Every match, shown or not, for the audit entry only: never serialised.</summary>
    [JsonIgnore]
    public IReadOnlyList<Guid> MatchedIds { get; init; } = [];

    [JsonIgnore]
    public bool Any => Matches.Count > 0 || OthersExist;
}

internal sealed class FindLikelyDuplicatesHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<FindLikelyDuplicates, LikelyDuplicates>
{
    public async Task<LikelyDuplicates> Handle(FindLikelyDuplicates request, CancellationToken cancellationToken)
    {
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim().ToLowerInvariant();
        var fullName = SearchText.Normalise($"{request.GivenName} {request.FamilyName}");
        var byName = fullName.Length > 0 && request.DateOfBirth is not null;
        if (email is null && !byName)
        {
            return LikelyDuplicates.None;
        }

        // Every client counts, visible or not: a therapist must not create a second record for someone a colleague
        // treats. But only the matches the caller may open are described; of the others, only that they exist.
        var matches = await db.Clients.AsNoTracking()
            .Where(c => c.ErasedAt == null && c.Id != request.ExceptClientId)
            .Where(c => (email != null && c.NormalisedEmail == email) || (byName && c.NormalisedFullName == fullName && c.DateOfBirth == request.DateOfBirth))
            .OrderBy(c => c.SortName)
            .Take(20)
            .Select(ClientListItem.Projection)
            .ToListAsync(cancellationToken);
        var ids = matches.Select(m => m.Id).ToList();
        var visible = await access.Visible().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var shown = matches.Where(m => visible.Contains(m.Id)).ToList();
        var othersExist = shown.Count < matches.Count;
        return new LikelyDuplicates(shown, othersExist, othersExist ? LikelyDuplicates.HiddenMatchNotice : null) { MatchedIds = ids };
    }
}
