using System.Reflection;
using System.Text.Json;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Messaging;

public static class IntegrationEventNames
{
    /// <summary>How payloads are written and read: web defaults, so they are readable and stable.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The wire name from <see cref="IntegrationEventAttribute"/>; an event without one is a programming error.</summary>
    public static string Of(Type eventType) =>
        eventType.GetCustomAttribute<IntegrationEventAttribute>()?.Name
        ?? throw new InvalidOperationException($"{eventType.FullName} needs an [IntegrationEvent(\"module.event-name.v1\")] attribute.");
}
