using System.Reflection;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Messaging;

/// <summary>
/// Which integration events exist (by stable name) and which modules subscribe to each: a module subscribes
/// to an event by having an <see cref="IIntegrationEventHandler{TEvent}"/> for it.
/// </summary>
internal sealed class IntegrationEventCatalog
{
    private readonly Dictionary<string, Type> _eventTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _subscribedTypesByModule = new(StringComparer.OrdinalIgnoreCase);

    public IntegrationEventCatalog(IEnumerable<LoadedModule> modules)
    {
        var loaded = modules.ToList();
        foreach (var assembly in loaded.SelectMany(m => new[] { m.Assembly, m.Contracts }).OfType<Assembly>())
        {
            foreach (var type in assembly.GetTypes().Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }))
            {
                var name = IntegrationEventNames.Of(type);
                if (_eventTypes.TryGetValue(name, out var taken) && taken != type)
                {
                    // Subscribers find an event by its name: two types under one name would be read as each other.
                    throw new StartupConfigurationException(
                        $"The integration event name '{name}' is declared by both {taken.FullName} and {type.FullName}; give each event its own name.");
                }

                _eventTypes[name] = type;
            }
        }

        foreach (var module in loaded)
        {
            var handled = module.Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false })
                .SelectMany(t => t.GetInterfaces())
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
                .Select(i => IntegrationEventNames.Of(i.GenericTypeArguments[0]))
                .ToHashSet(StringComparer.Ordinal);
            if (handled.Count > 0)
            {
                _subscribedTypesByModule[module.Name] = handled;
            }
        }
    }

    public Type? EventType(string name) => _eventTypes.GetValueOrDefault(name);

    /// <summary>The modules with an inbox to fill, and the event names each one takes.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Subscriptions => _subscribedTypesByModule;
}
