using MediatR;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Features.Records;

/// <summary>Existing clients that are probably the same person: same e-mail, or same name and date of birth.</summary>
internal sealed record FindLikelyDuplicates(string? Email, string? GivenName, string? FamilyName, DateOnly? DateOfBirth, Guid? ExceptClientId = null)
    : IQuery<IReadOnlyList<ClientListItem>>;

internal sealed class FindLikelyDuplicatesHandler(ClientsDbContext db, ClientAccess access) : IRequestHandler<FindLikelyDuplicates, IReadOnlyList<ClientListItem>>
{
    public async Task<IReadOnlyList<ClientListItem>> Handle(FindLikelyDuplicates request, CancellationToken cancellationToken)
    {
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim().ToLowerInvariant();
        var fullName = SearchText.Normalise($"{request.GivenName} {request.FamilyName}");
        var byName = fullName.Length > 0 && request.DateOfBirth is not null;
        if (email is null && !byName)
        {
            return [];
        }

        // Every client counts, visible or not: a therapist must not create a second record for someone a colleague treats.
        // Only what identifies the match is returned; the caller may open it only if it is visible to them.
        var matches = await db.Clients.AsNoTracking()
            .Where(c => c.ErasedAt == null && c.Id != request.ExceptClientId)
            .Where(c => (email != null && c.NormalisedEmail == email) || (byName && c.NormalisedFullName == fullName && c.DateOfBirth == request.DateOfBirth))
            .OrderBy(c => c.SortName)
            .Take(20)
            .Select(ClientListItem.Projection)
            .ToListAsync(cancellationToken);
        var visible = await access.Visible().Where(c => matches.Select(m => m.Id).Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        return matches.Select(m => m with { Visible = visible.Contains(m.Id) }).ToList();
    }
}
