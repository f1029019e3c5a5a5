using System.Text.Json;
using System.Text.RegularExpressions;

namespace PracticeSuite.Platform.Web;

/// <summary>
/// Says which field of a request did not read, and as what it should, in the API's own field names: never the
/// framework's words, which name internal types ("System.Nullable`1[System.DateOnly]", "RegisterClient command").
/// </summary>
internal static partial class UnreadableRequest
{
    public static string Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            return json.Path is { Length: > 1 } path && path != "$"
                ? $"The value of “{FieldName(path)}” could not be read{ExpectedValue(json.Message)}."
                : "The body is not valid JSON.";
        }

        return exception.Message.Contains("no body was provided", StringComparison.Ordinal)
            ? "The request has no body: send its fields as JSON."
            : "The request could not be read.";
    }

    /// <summary>"$.surgeriesAndInjuries[0].date" reads as "surgeriesAndInjuries[0].date".</summary>
    private static string FieldName(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string ExpectedValue(string typeText) => typeText switch
    {
        _ when typeText.Contains("DateOnly", StringComparison.Ordinal) => " as a date (yyyy-mm-dd)",
        _ when typeText.Contains("DateTime", StringComparison.Ordinal) => " as a date and time",
        _ when typeText.Contains("TimeOnly", StringComparison.Ordinal) => " as a time (hh:mm)",
        _ when typeText.Contains("Guid", StringComparison.Ordinal) => " as an id",
        _ when typeText.Contains("Boolean", StringComparison.Ordinal) => " as true or false",
        _ when NumberType().IsMatch(typeText) => " as a number",
        _ when typeText.Contains("List`1", StringComparison.Ordinal) || typeText.Contains("[]", StringComparison.Ordinal) => " as a list",
        _ when typeText.Contains("String", StringComparison.Ordinal) => " as text",
        _ when typeText.Contains("PracticeSuite.", StringComparison.Ordinal) => " as one of its allowed values",
        _ => "",
    };

    [GeneratedRegex(@"\b(Int16|Int32|Int64|Decimal|Double|Single)\b")]
    private static partial Regex NumberType();
}
