using System.Security.Cryptography;
using System.Text;

namespace PracticeSuite.Modules.Scheduling.Domain;

/// <summary>Whose appointments a calendar feed lists.</summary>
internal enum FeedOwnerKind
{
    Therapist,
    Client,
}

/// <summary>
/// A secret link to one person's appointments as an iCalendar feed, for calendar apps that cannot sign in. Only a hash
/// of the link's token is kept: the token is shown once, when the link is made, and a copy of the database does not
/// open anyone's calendar. A person has at most one live link; making a new one revokes the old.
/// </summary>
internal sealed class CalendarFeedLink
{
    /// <summary>Bytes of randomness in a token: 256 bits, so guessing one is hopeless and a plain hash suffices to store it.</summary>
    public const int TokenBytes = 32;

    /// <summary>Characters of the token's SHA-256 hash in hex.</summary>
    public const int HashLength = 64;

    private CalendarFeedLink()
    {
    }

    public Guid Id { get; private set; }
    public FeedOwnerKind OwnerKind { get; private set; }
    public Guid OwnerId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsLive => RevokedAt is null;

    /// <summary>A new link and its token; the token is not kept and must be shown to the owner now.</summary>
    public static (CalendarFeedLink Link, string Token) Create(FeedOwnerKind ownerKind, Guid ownerId, DateTime now)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        var link = new CalendarFeedLink
        {
            Id = Guid.CreateVersion7(),
            OwnerKind = ownerKind,
            OwnerId = ownerId,
            TokenHash = HashOf(token),
            CreatedAt = now,
        };
        return (link, token);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;

    /// <summary>The stored form of a token: its SHA-256 in lower-case hex.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> could be one this class made (43 URL-safe characters), before any lookup.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
