using Autofac;
using Autofac.Core;
using MediatR;
using PracticeSuite.Platform.Modules;

namespace PracticeSuite.Platform.Composition;

/// <summary>
/// Start-up check: every request declared in an enabled module's Contracts has exactly one handler, so a
/// missing or doubled handler stops the host instead of failing a user's request later.
/// </summary>
internal static class HandlerCoverage
{
    public static void Verify(IComponentContext container, IEnumerable<LoadedModule> modules)
    {
        var problems = new List<string>();
        foreach (var module in modules.Where(m => m.Contracts is not null))
        {
            foreach (var requestType in module.Contracts!.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
            {
                var responseType = requestType.GetInterfaces()
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
                    ?.GetGenericArguments()[0];
                if (responseType is null)
                {
                    continue;
                }

                var handlerType = typeof(IRequestHandler<,>).MakeGenericType(requestType, responseType);
                var handlers = container.ComponentRegistry.RegistrationsFor(new TypedService(handlerType))
                    .Select(r => r.Activator.LimitType.FullName)
                    .ToList();
                if (handlers.Count == 0)
                {
                    problems.Add($"Module '{module.Name}': request {requestType.FullName} has no handler in any enabled module.");
                }
                else if (handlers.Count > 1)
                {
                    problems.Add($"Module '{module.Name}': request {requestType.FullName} has {handlers.Count} handlers ({string.Join(", ", handlers)}); it must have exactly one.");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new StartupConfigurationException(string.Join(Environment.NewLine, problems));
        }
    }
}
