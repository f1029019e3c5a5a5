using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PracticeSuite.Platform.Accounts;

/// <summary>Issues and checks the single-use secrets in invitation and reset links. Only a hash is stored.</summary>
internal sealed class AccountTokenService(AccountsDbContext db, TimeProvider time)
{
    /// <summary>Issues a new token; earlier unused tokens of the same purpose for the user stop working.</summary>
    public async Task<(string Token, Guid TokenId)> IssueAsync(string userId, string purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var earlier = await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null).ToListAsync(cancellationToken);
        foreach (var token in earlier)
        {
            token.UsedAt = now;
        }

        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new AccountToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Purpose = purpose,
            TokenHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.AccountTokens.Add(record);
        return (secret, record.Id);
    }

    /// <summary>Looks a token up without using it.</summary>
    public async Task<TokenCheck> CheckAsync(string? secret, string purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200)
        {
            return new TokenCheck(TokenState.Unknown, null);
        }

        var hash = Hash(secret);
        var token = await db.AccountTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        if (token is null)
        {
            return new TokenCheck(TokenState.Unknown, null);
        }

        if (token.UsedAt is not null)
        {
            return new TokenCheck(TokenState.Used, token);
        }

        return token.ExpiresAt <= time.GetUtcNow().UtcDateTime ? new TokenCheck(TokenState.Expired, token) : new TokenCheck(TokenState.Valid, token);
    }

    public void MarkUsed(AccountToken token) => token.UsedAt = time.GetUtcNow().UtcDateTime;

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal enum TokenState
{
    Valid,
    Unknown,
    Used,
    Expired,
}

internal sealed record TokenCheck(TokenState State, AccountToken? Token);
