using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;

namespace PracticeSuite.Modules.Clients.Features.Consent;

internal static class ConsentQueries
{
    public static async Task<ConsentTextVersion> CurrentAsync(ClientsDbContext db, CancellationToken cancellationToken) =>
        await db.ConsentTexts.AsNoTracking().OrderByDescending(t => t.Version).FirstAsync(cancellationToken);

    public static async Task<ConsentStatus> StatusAsync(ClientsDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        var current = await db.ConsentTexts.MaxAsync(t => t.Version, cancellationToken);
        var latest = await db.ConsentSignatures.AsNoTracking().Where(s => s.ClientId == clientId)
            .OrderByDescending(s => s.ConsentVersion).ThenByDescending(s => s.SignedAt)
            .Select(s => new { s.ConsentVersion, s.SignedAt, s.TypedName, s.IpAddress })
            .FirstOrDefaultAsync(cancellationToken);
        return new ConsentStatus(current, latest?.ConsentVersion, latest?.SignedAt, latest?.TypedName, latest?.IpAddress);
    }
}

/// <param name="SignedAs">The name the client typed to sign (empty once the client is erased).</param>
/// <param name="SignedFrom">The address the signature came from, as the server saw it.</param>
internal sealed record ConsentStatus(int CurrentVersion, int? SignedVersion, DateTime? SignedAt, string? SignedAs = null, string? SignedFrom = null)
{
    public bool SignedCurrent => SignedVersion == CurrentVersion;
}
