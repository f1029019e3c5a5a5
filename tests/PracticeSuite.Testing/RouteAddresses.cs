using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;

namespace PracticeSuite.Testing;

/// <summary>
/// Addresses for the host's routes, as the authorization matrix and the accessibility sweep build them: literal parts
/// as they are, record ids from the persona records, optional parts left out, defaults where a route has them.
/// </summary>
public static class RouteAddresses
{
    /// <summary>True for a Razor page's endpoint (the metadata type of a compiled page is internal to MVC).</summary>
    public static bool IsPage(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
        || endpoint.Metadata.Any(m => m.GetType().Name == "CompiledPageActionDescriptor");

    /// <summary>
    /// The address of <paramref name="pattern"/>; a parameter no record supplies and no default fills is asked of
    /// <paramref name="otherValue"/>, and when that answers null there is no address (Url null).
    /// </summary>
    public static (string? Url, bool UsesRecord) Fill(
        RoutePattern pattern, IReadOnlyDictionary<string, string> recordValues, Func<RoutePatternParameterPart, string?> otherValue)
    {
        var segments = new List<string>();
        var usesRecord = false;
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        text.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter when recordValues.TryGetValue(parameter.Name, out var recordValue):
                        text.Append(Uri.EscapeDataString(recordValue));
                        usesRecord = true;
                        break;
                    case RoutePatternParameterPart parameter when parameter.IsCatchAll || parameter.IsOptional:
                        break;
                    case RoutePatternParameterPart parameter when pattern.Defaults.TryGetValue(parameter.Name, out var fallback) && fallback is not null:
                        text.Append(fallback);
                        break;
                    case RoutePatternParameterPart parameter:
                        if (otherValue(parameter) is not { } value)
                        {
                            return (null, usesRecord);
                        }

                        text.Append(value);
                        break;
                }
            }

            segments.Add(text.ToString());
        }

        return ("/" + string.Join("/", segments).TrimEnd('/'), usesRecord);
    }
}
