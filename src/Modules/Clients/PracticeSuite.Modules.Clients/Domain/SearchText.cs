using System.Globalization;
using System.Text;

namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>
/// How names, e-mail addresses and phone numbers are normalised for search: accents removed, lower case,
/// letters and digits only. Queries are normalised the same way, so "Zoë", "zoe" and "ZOE" all match.
/// </summary>
internal static class SearchText
{
    public const int MaxTermLength = 100;

    /// <summary>Letters and digits of <paramref name="text"/>, accent-free and lower case; words separated by one space.</summary>
    public static string Normalise(string text) => string.Join(' ', Words(text));

    /// <summary>The words of <paramref name="text"/>: runs of letters and digits, normalised.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsLetterOrDigit(c))
            {
                // A letter with no ASCII form (e.g. ß, ø) is kept as is, lower case.
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>The digits of a phone number; "+44 (0)20 7946-0000" becomes "4402079460000".</summary>
    public static string Digits(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// The terms a client is found by: each name word, the whole e-mail address (letters and digits only; its
    /// local part needs no term of its own, being a prefix of it), and the phone's digits (also without a leading 0 or country code's first digits, so
    /// "07946" and "447946" both find "+44 7946…").
    /// </summary>
    public static HashSet<string> TermsFor(string givenName, string familyName, string? email, string? phone)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(givenName).Concat(Words(familyName)))
        {
            terms.Add(word);
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            // One term per client that starts alike fewer: a name prefix walks fewer rows per client found.
            terms.Add(string.Concat(Words(email)));
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            var digits = Digits(phone);
            if (digits.Length > 0)
            {
                terms.Add(digits);
                var national = digits.TrimStart('0');
                if (national.Length > 0)
                {
                    terms.Add(national);
                }
            }
        }

        terms.RemoveWhere(t => t.Length == 0);
        return terms.Select(t => t.Length > MaxTermLength ? t[..MaxTermLength] : t).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>: the exclusive end of a prefix range.</summary>
    public static string PrefixUpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
