using System.Text.Json;
using PracticeSuite.Modules.Clients.Domain;

namespace PracticeSuite.Modules.Clients.Features.Intakes;

internal static class IntakeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IntakeAnswers Read(string json) =>
        JsonSerializer.Deserialize<IntakeAnswers>(json, Options) ?? throw new InvalidOperationException("An intake version holds no answers.");
}
