using Autofac;
using MediatR;
using PracticeSuite.Host.Jobs;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Host.Messaging;

/// <summary>Outbox relay, inbox processing, the wake-up worker and the sweep job. See docs/adr/0004.</summary>
public static class MessagingComposition
{
    public static void AddPracticeMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration("Messaging");
        services.AddHostedService(provider => provider.GetRequiredService<MessagingWorker>());
    }

    public static void RegisterMessagingEngine(this ContainerBuilder container)
    {
        container.Register(c => new IntegrationEventCatalog(c.Resolve<Modules.ModuleCatalog>().Modules)).SingleInstance();
        container.RegisterType<OutboxRelay>().SingleInstance();
        container.RegisterType<InboxProcessor>().SingleInstance();
        container.RegisterType<MessagePump>().SingleInstance();
        container.RegisterType<MessagingSignal>().AsSelf().As<IOutboxSignal>().SingleInstance();
        container.RegisterType<ParkedMessages>().SingleInstance();
        container.RegisterType<MessagingWorker>().SingleInstance();
    }

    /// <summary>The daily purge of messages older than <see cref="MessagingOptions.Retention"/>.</summary>
    public static DeclaredJob PurgeJob() =>
        DeclaredJob.OnCron<PurgeMessages>(JobsComposition.PlatformGroup, "messaging-purge", "30 3 * * *",
            "Deletes relayed outbox and processed inbox messages older than the retention period (parked ones stay).");

    /// <summary>The platform's own recurring job: the sweep that relays and handles whatever a wake-up missed.</summary>
    public static DeclaredJob SweepJob(TimeSpan interval) =>
        DeclaredJob.Every<SweepMessages>(JobsComposition.PlatformGroup, "messaging-sweep", interval,
            "Relays outbox messages to subscribers and handles due inbox messages that no wake-up took (after a crash, or another node's commit).");
}

/// <summary>
/// Relay every outbox and handle every due inbox message until nothing is left to do. Not an <see cref="ICommand"/>:
/// it changes no data of its own, and the relay and the inbox each run in the transaction of the module they touch.
/// </summary>
public sealed record SweepMessages : IRequest<Unit>;

public sealed class SweepMessagesHandler(MessagePump pump) : IRequestHandler<SweepMessages, Unit>
{
    public async Task<Unit> Handle(SweepMessages request, CancellationToken cancellationToken)
    {
        await pump.RunUntilIdleAsync(cancellationToken);
        return Unit.Value;
    }
}
