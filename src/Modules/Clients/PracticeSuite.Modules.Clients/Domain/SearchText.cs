using System.Globalization;
using System.Text;

namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>
/// How names, e-mail addresses and phone numbers are normalised for search: accents removed ("Zoë" is "zoe", and
/// letters with no decomposition folded by hand: ß→ss, ø→o, ł→l, æ→ae), lower case, letters and digits only. An
/// apostrophe or hyphen inside a word joins it ("O'Brien" is "obrien", "Smith-Jones" is "smithjones"); a stored
/// name is also found by each joined part ("brien", "jones"). Queries are normalised the same way.
/// </summary>
internal static class SearchText
{
    public const int MaxTermLength = 100;

    /// <summary>A query word this long or longer also matches inside a name word or anywhere in the phone digits (<see cref="FragmentsFor"/>).</summary>
    public const int InsideWordMinimum = 3;

    /// <summary>Letters and digits of <paramref name="text"/>, folded; words separated by one space.</summary>
    public static string Normalise(string text) => string.Join(' ', Words(text));

    /// <summary>The words of <paramref name="text"/>, folded, a word's apostrophes and hyphens dropped ("o'brien" → "obrien").</summary>
    public static IReadOnlyList<string> Words(string? text) => Compounds(text).Select(parts => string.Concat(parts)).ToList();

    /// <summary>
    /// The words a stored name is found by: each word as <see cref="Words"/> gives it and, for a word an apostrophe
    /// or hyphen joins, each part too ("Smith-Jones" → "smithjones", "smith", "jones").
    /// </summary>
    public static IReadOnlyList<string> NameWords(string? text)
    {
        var words = new List<string>();
        foreach (var parts in Compounds(text))
        {
            words.Add(string.Concat(parts));
            if (parts.Count > 1)
            {
                words.AddRange(parts);
            }
        }

        return words;
    }

    /// <summary>The digits of a phone number; "+44 (0)20 7946-0000" becomes "4402079460000".</summary>
    public static string Digits(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// The terms a client is found by prefix: each name word, the whole e-mail address (letters and digits only; its
    /// local part needs no term of its own, being a prefix of it), and the phone's digits (also without a leading 0 or country code's first digits, so
    /// "07946" and "447946" both find "+44 7946…").
    /// </summary>
    public static HashSet<string> TermsFor(string givenName, string familyName, string? email, string? phone)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in NameWords(givenName).Concat(NameWords(familyName)))
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
        return terms.Select(Cap).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The fragments a client is found by inside a word: every ending of three characters or more of each name word
    /// and of the phone's digits, the whole word included ("jones" → "jones", "ones", "nes"). A word found inside a
    /// word is the start of one of them, so the same index walk as for word starts finds it. The e-mail address has
    /// none: it is found by its start only (a part such as "gmail" would match half the clinic).
    /// </summary>
    public static HashSet<string> FragmentsFor(string givenName, string familyName, string? phone)
    {
        var fragments = new HashSet<string>(StringComparer.Ordinal);
        var words = NameWords(givenName).Concat(NameWords(familyName)).ToList();
        if (!string.IsNullOrWhiteSpace(phone) && Digits(phone) is { Length: > 0 } digits)
        {
            words.Add(digits);
        }

        foreach (var word in words)
        {
            for (var start = 0; start + InsideWordMinimum <= word.Length; start++)
            {
                fragments.Add(Cap(word[start..]));
            }
        }

        return fragments;
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>: the exclusive end of a prefix range.</summary>
    public static string PrefixUpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static string Cap(string term) => term.Length > MaxTermLength ? term[..MaxTermLength] : term;

    /// <summary>The words of <paramref name="text"/>, each as the parts an apostrophe or hyphen separates.</summary>
    private static List<List<string>> Compounds(string? text)
    {
        var compounds = new List<List<string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return compounds;
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                AppendFolded(current, char.ToLowerInvariant(c));
            }
            else if (IsJoiner(c) && current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                EndWord();
            }
        }

        EndWord();
        return compounds;

        void EndWord()
        {
            if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }

            if (parts.Count > 0)
            {
                compounds.Add(parts);
                parts = [];
            }
        }
    }

    /// <summary>Apostrophes (straight, curly, modifier letter) and hyphens: they join a word's parts rather than split words.</summary>
    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '-' or '\u2010' or '\u2011';

    /// <summary>Letters FormD does not take apart: spelt as a person typing on an English keyboard would.</summary>
    private static void AppendFolded(StringBuilder text, char lower)
    {
        switch (lower)
        {
            case 'ß': text.Append("ss"); break;
            case 'ø': text.Append('o'); break;
            case 'ł': text.Append('l'); break;
            case 'æ': text.Append("ae"); break;
            case 'œ': text.Append("oe"); break;
            case 'đ' or 'ð': text.Append('d'); break;
            case 'þ': text.Append("th"); break;
            case 'ı': text.Append('i'); break;
            default: text.Append(lower); break;
        }
    }
}
