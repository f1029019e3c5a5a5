using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// Generates hostile requests for one operation from its schema (so property names are real), with the caller's
/// seeded <see cref="Random"/>: the same seed gives the same requests.
/// </summary>
public sealed class RequestGenerator(JsonNode document, ApiOperation operation, IReadOnlyDictionary<string, string> routeValues, Random random)
{
    public const int OverLimitBytes = 300 * 1024;
    public const int NestingDepth = 1000;
    public const int LongList = 150;
    public const string ControlCharacters = "a\u0000b\u202Ec\u0007d\u001B\uFFFF\u200Be";

    private static readonly Func<JsonNode?>[] Junk =
    [
        () => null, () => "", () => " ", () => -1, () => 0, () => int.MaxValue, () => long.MinValue, () => 1e308, () => true,
        () => new JsonArray(), () => new JsonObject(), () => new JsonArray((JsonNode?)null), () => ControlCharacters,
        () => "00000000-0000-0000-0000-000000000000", () => "9999-12-31", () => "0001-01-01", () => "not-a-date",
        () => "<script>alert(1)</script>", () => "'; DROP TABLE clients; --", () => "../../etc/passwd", () => "%00", () => "NaN",
        () => new string('x', 5000), () => "\u202Egnp.exe", () => "{{7*7}}", () => "🙂🙂", () => new JsonObject { ["$ref"] = "#" },
    ];

    private static readonly string[] JunkPathValues =
        ["0", "-1", "x", "%00", "..", "%2e%2e%2f", new string('9', 400), "\u202E", "00000000-0000-0000-0000-000000000000", "' OR 1=1 --"];

    private static readonly string[] JunkQueryValues =
        ["", "-1", "0", "2147483648", "99999999999999999999", "true", "1e308", "not-a-date", "9999-12-31", "%00", "\u0000", "\u202E", "<x>", new string('q', 3000), "[]", "{}"];

    private readonly JsonNode? _schema = operation.BodySchema;

    public IEnumerable<FuzzRequest> Generate(int count)
    {
        var sample = _schema is null ? null : Sample(_schema, 0);
        var kinds = new List<(string Kind, Func<byte[]?> Body)>
        {
            ("no body", () => null),
            ("empty body", () => Array.Empty<byte>()),
            ("null", () => Utf8("null")),
            ("sample", () => Json(sample)),
            ("every property null", () => Json(Transform(sample, (_, _) => null, objectsOnly: true))),
            ("one property null", () => Json(SetRandomPath(sample, null))),
            ("null list elements", () => Json(MapArrays(sample, _ => new JsonArray((JsonNode?)null)))),
            ("null lists", () => Json(MapArrays(sample, _ => null))),
            ("wrong types", () => Json(Transform(sample, (node, _) => WrongType(node), objectsOnly: false))),
            ("root of the wrong type", () => Utf8(Pick("[]", "123", "\"text\"", "true", "[{}]"))),
            ("empty object", () => Utf8("{}")),
            ("body over the size limit", () => OverLimit(sample)),
            ("deep nesting", () => DeepNesting(sample)),
            ("long lists", () => Json(MapArrays(sample, array => LongCopy(array)))),
            ("control characters", () => Json(Transform(sample, (node, _) => node is JsonValue v && v.TryGetValue<string>(out var t) ? t + ControlCharacters : node?.DeepClone(), objectsOnly: false))),
            ("lone surrogate", () => Utf8((Json(sample) is { } b ? Encoding.UTF8.GetString(b) : "{}").Replace("\"fuzz\"", "\"\\uD800x\"", StringComparison.Ordinal))),
            ("malformed JSON", () => Malformed(sample)),
            ("invalid UTF-8", () => [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]),
            ("numbers at the extremes", () => Json(Transform(sample, (node, _) => ExtremeNumber(node), objectsOnly: false))),
            ("extra properties", () => Json(WithExtras(sample))),
        };

        for (var i = 0; i < count; i++)
        {
            if (i < kinds.Count)
            {
                yield return Request(kinds[i].Kind, kinds[i].Body(), i == kinds.Count - 1 ? Pick("text/plain", "application/json", "application/xml") : "application/json");
            }
            else
            {
                var mutated = sample?.DeepClone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    mutated = SetRandomPath(mutated, Junk[random.Next(Junk.Length)]());
                }

                yield return Request("random junk", Json(mutated) ?? Json(Junk[random.Next(Junk.Length)]()) ?? Utf8("null"));
            }
        }
    }

    private FuzzRequest Request(string kind, byte[]? body, string contentType = "application/json") =>
        new(kind, operation.Method, Url(), body, contentType);

    private string Url()
    {
        var path = operation.Path;
        foreach (var parameter in operation.PathParameters)
        {
            var roll = random.NextDouble();
            var value = roll < 0.8 && routeValues.TryGetValue(parameter.Name, out var known) ? known
                : roll < 0.9 || IsUuid(parameter.Schema) ? Guid.NewGuid().ToString()
                : JunkPathValues[random.Next(JunkPathValues.Length)];
            if (!routeValues.ContainsKey(parameter.Name) && !IsUuid(parameter.Schema) && roll < 0.5)
            {
                value = Sample(parameter.Schema, 0)?.ToString() ?? "fuzz";
            }

            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        var query = operation.QueryParameters
            .Where(_ => random.NextDouble() < 0.6)
            .Select(p => p.Name + "=" + Uri.EscapeDataString(random.NextDouble() < 0.5
                ? JunkQueryValues[random.Next(JunkQueryValues.Length)]
                : Sample(p.Schema, 0) is JsonValue v ? v.ToString() : "fuzz"))
            .ToList();
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    // ---- samples from the schema ----

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var hops = 0; hops < 10 && schema?["$ref"]?.GetValue<string>() is { } reference; hops++)
        {
            var name = reference.Split('/')[^1];
            schema = document["components"]?["schemas"]?[name];
        }

        if ((schema?["oneOf"] ?? schema?["anyOf"] ?? schema?["allOf"]) is JsonArray choices)
        {
            var choice = choices.FirstOrDefault(c => TypeOf(Resolve(c)) is not ("null" or null));
            return choice is null ? schema : Resolve(choice);
        }

        return schema;
    }

    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private bool IsUuid(JsonNode? schema) => Resolve(schema)?["format"]?.GetValue<string>() == "uuid";

    private JsonNode? Sample(JsonNode? schema, int depth)
    {
        schema = Resolve(schema);
        if (schema is null || depth > 6)
        {
            return "fuzz";
        }

        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[random.Next(values.Count)]?.DeepClone();
        }

        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                {
                    result[name] = Sample(property, depth + 1);
                }

                return result;
            case "array":
                return new JsonArray(Sample(schema["items"], depth + 1));
            case "integer":
            case "number":
                return schema["pattern"] is not null || schema["format"]?.GetValue<string>() is "int32" or "int64" or null ? 1 : 1.5;
            case "boolean":
                return true;
            default:
                return schema["format"]?.GetValue<string>() switch
                {
                    "uuid" => routeValues.Values.FirstOrDefault(v => Guid.TryParse(v, out _)) is { } id && random.NextDouble() < 0.5 ? id : Guid.NewGuid().ToString(),
                    "date" => "1980-05-17",
                    "date-time" => "2026-11-20T10:00:00Z",
                    "email" => "fuzz@example.com",
                    _ => "fuzz",
                };
        }
    }

    // ---- mutations ----

    /// <summary>A copy with every value <paramref name="map"/> gives (properties of objects only, or every leaf).</summary>
    private static JsonNode? Transform(JsonNode? node, Func<JsonNode?, string, JsonNode?> map, bool objectsOnly)
    {
        switch (node)
        {
            case JsonObject obj when objectsOnly:
                var nulled = new JsonObject();
                foreach (var (name, _) in obj)
                {
                    nulled[name] = map(null, name);
                }

                return nulled;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[name] = Transform(value, map, objectsOnly);
                }

                return copy;
            case JsonArray array:
                return objectsOnly ? array.DeepClone() : new JsonArray(array.Select(a => Transform(a, map, objectsOnly)).ToArray());
            default:
                return objectsOnly ? node?.DeepClone() : map(node, "");
        }
    }

    private static JsonNode? MapArrays(JsonNode? node, Func<JsonArray, JsonNode?> map) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, MapArrays(p.Value, map)))),
        JsonArray array => map(new JsonArray(array.Select(a => MapArrays(a, map)).ToArray())),
        _ => node?.DeepClone(),
    };

    private static JsonArray LongCopy(JsonArray array)
    {
        var element = array.Count > 0 ? array[0] : "fuzz";
        return new JsonArray(Enumerable.Range(0, LongList).Select(_ => element?.DeepClone()).ToArray());
    }

    private JsonNode? ExtremeNumber(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? JsonNode.Parse(Pick("1e308", "-1", "2147483648", "99999999999999999999999999", "-0.5"))
            : node?.DeepClone();

    private JsonNode? WrongType(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out _) => Pick<JsonNode?>(123, true, new JsonObject { ["a"] = 1 }),
        JsonValue v when v.TryGetValue<bool>(out _) => Pick<JsonNode?>("yes", 2, new JsonArray()),
        JsonValue => Pick<JsonNode?>("x", false, new JsonArray(1)),
        null => Pick<JsonNode?>("null", 0),
        _ => "text",
    };

    private JsonNode? SetRandomPath(JsonNode? sample, JsonNode? value)
    {
        var copy = sample?.DeepClone();
        var containers = new List<JsonNode>();
        Collect(copy, containers);
        if (containers.Count == 0)
        {
            return copy;
        }

        switch (containers[random.Next(containers.Count)])
        {
            case JsonObject obj when obj.Count > 0:
                obj[obj.ElementAt(random.Next(obj.Count)).Key] = value;
                break;
            case JsonArray array when array.Count > 0:
                array[random.Next(array.Count)] = value;
                break;
        }

        return copy;
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        if (node is JsonObject obj)
        {
            containers.Add(obj);
            foreach (var (_, value) in obj)
            {
                Collect(value, containers);
            }
        }
        else if (node is JsonArray array)
        {
            containers.Add(array);
            foreach (var value in array)
            {
                Collect(value, containers);
            }
        }
    }

    private byte[] OverLimit(JsonNode? sample)
    {
        var huge = new string('A', OverLimitBytes);
        var copy = sample is JsonObject ? SetRandomPath(sample, huge) : null;
        return Json(copy is JsonObject o && o.ToJsonString().Length > OverLimitBytes ? copy : new JsonObject { ["text"] = huge })!;
    }

    private byte[] DeepNesting(JsonNode? sample)
    {
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var nested = string.Concat(Enumerable.Repeat(open, NestingDepth)) + "1" + string.Concat(Enumerable.Repeat(close, NestingDepth));
        if (sample is JsonObject obj && obj.Count > 0)
        {
            var name = obj.ElementAt(random.Next(obj.Count)).Key;
            var text = new JsonObject { [name] = "NESTED" }.ToJsonString();
            return Utf8(text.Replace("\"NESTED\"", nested, StringComparison.Ordinal));
        }

        return Utf8(nested);
    }

    private byte[] Malformed(JsonNode? sample)
    {
        var text = sample?.ToJsonString() ?? "{\"a\":1}";
        return Utf8(random.Next(4) switch
        {
            0 => text[..random.Next(1, Math.Max(2, text.Length))],
            1 => text.Replace(":", "", StringComparison.Ordinal),
            2 => "{\"a\":}",
            _ => text + ",}",
        });
    }

    private static JsonNode? WithExtras(JsonNode? sample)
    {
        var copy = sample is JsonObject obj ? (JsonObject)obj.DeepClone() : new JsonObject();
        copy["$type"] = "System.Object";
        copy["__proto__"] = new JsonObject { ["admin"] = true };
        copy["unknownProperty"] = new JsonArray(1, "two", null);
        return copy;
    }

    private T Pick<T>(params T[] choices) => choices[random.Next(choices.Length)];

    private static byte[]? Json(JsonNode? node) => node is null ? null : Utf8(node.ToJsonString());

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{operation.Method} {operation.Path}");
}
