using System.Globalization;
using System.Text;

namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>
/// Whether a typed signature is the client's own name. Case, spacing, accents and the kind of apostrophe a phone's
/// keyboard types do not matter ("jose  o’neil" signs for José O'Neil); any other difference does, so that nobody
/// signs for a client under another name.
/// </summary>
internal static class SignatureName
{
    public static bool Matches(string? typed, string givenName, string familyName) =>
        !string.IsNullOrWhiteSpace(typed) && Comparable(typed) == Comparable($"{givenName} {familyName}");

    private static string Comparable(string name)
    {
        var text = new StringBuilder(name.Length);
        var lastWasSpace = true; // drops leading spaces
        foreach (var character in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(character))
            {
                if (!lastWasSpace)
                {
                    text.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            text.Append(character is '\u2019' or '\u2018' or '`' or '\u00B4' ? '\'' : char.ToLowerInvariant(character));
            lastWasSpace = false;
        }

        return text.ToString().TrimEnd();
    }
}
