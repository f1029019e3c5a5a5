using System.Reflection;
using Autofac;
using FluentValidation;
using MediatR;
using PracticeSuite.SharedKernel.Hosting.Behaviours;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Messaging;

namespace PracticeSuite.Platform.Composition;

/// <summary>Wires MediatR 5 into the one Autofac container: mediator, pipeline behaviours, handlers and validators.</summary>
internal static class MessagingRegistration
{
    public static void RegisterMessaging(this ContainerBuilder container, IEnumerable<Assembly> handlerAssemblies)
    {
        // Resolve the scope first and close over it: the registration's own context ends with this resolve (stack notes G3).
        container.Register(c =>
            {
                var scope = c.Resolve<IComponentContext>();
                return new Mediator(scope.Resolve);
            })
            .As<IMediator>()
            .InstancePerLifetimeScope();

        container.RegisterType<UnitOfWorkContext>().AsSelf().InstancePerLifetimeScope();
        container.RegisterType<ErasureCheckpoint>().AsSelf().InstancePerLifetimeScope();

        // MediatR runs behaviours in registration order, the first outermost.
        container.RegisterGeneric(typeof(LoggingBehavior<,>)).As(typeof(IPipelineBehavior<,>));
        container.RegisterGeneric(typeof(AccessCheckBehavior<,>)).As(typeof(IPipelineBehavior<,>));
        container.RegisterGeneric(typeof(ValidationBehavior<,>)).As(typeof(IPipelineBehavior<,>));
        container.RegisterGeneric(typeof(UnitOfWorkBehavior<,>)).As(typeof(IPipelineBehavior<,>));
        container.RegisterGeneric(typeof(AuditBehavior<,>)).As(typeof(IPipelineBehavior<,>)); // inside: a change's entry commits with it
        container.RegisterType<AuditedInThisScope>().AsSelf().InstancePerLifetimeScope();

        var assemblies = handlerAssemblies.Distinct().ToArray();
        container.RegisterAssemblyTypes(assemblies).AsClosedTypesOf(typeof(IRequestHandler<,>)).InstancePerDependency();
        container.RegisterAssemblyTypes(assemblies).AsClosedTypesOf(typeof(INotificationHandler<>)).InstancePerDependency();
        container.RegisterAssemblyTypes(assemblies).AsClosedTypesOf(typeof(IValidator<>)).SingleInstance();
        container.RegisterAssemblyTypes(assemblies).AsClosedTypesOf(typeof(IIntegrationEventHandler<>)).InstancePerDependency();
    }
}
