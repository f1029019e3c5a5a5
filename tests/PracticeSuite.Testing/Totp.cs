using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PracticeSuite.Testing;

/// <summary>
/// RFC 6238 (TOTP: HMAC-SHA1, 30-second steps, six digits) with the RFC 4648 base32 key an authenticator app is
/// given: what the app computes, written here from the RFCs rather than taken from Identity.
/// </summary>
public static class Totp
{
    public static string Now(string base32Key) => At(base32Key, DateTimeOffset.UtcNow);

    /// <summary>A six-digit code that is none of the codes Identity accepts now (it allows a step or two of drift).</summary>
    public static string WrongCodeFor(string base32Key)
    {
        var accepted = Enumerable.Range(-3, 7).Select(step => At(base32Key, DateTimeOffset.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(1, 20).Select(hours => At(base32Key, DateTimeOffset.UtcNow.AddHours(hours))).First(code => !accepted.Contains(code));
    }

    public static string At(string base32Key, DateTimeOffset time)
    {
        var counter = (ulong)(time.ToUnixTimeSeconds() / 30);
        var message = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            message[i] = (byte)(counter & 0xFF);
            counter >>= 8;
        }

        var hash = HMACSHA1.HashData(Base32(base32Key), message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in Regex.Replace(text.ToUpperInvariant(), "[ =]", ""))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
