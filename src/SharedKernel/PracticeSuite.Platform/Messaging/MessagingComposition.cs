using Autofac;
using MediatR;
using PracticeSuite.Platform.Jobs;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Messaging;

/// <summary>Outbox relay, inbox processing, the wake-up worker and the sweep job. See docs/adr/0004.</summary>
internal static class MessagingComposition
{
    public static void AddPracticeMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration("Messaging")
            .Validate(o => o.RelayBatchSize is >= 1 and <= 100_000, "Messaging:RelayBatchSize must be between 1 and 100000.")
            .Validate(o => o.InboxBatchSize is >= 1 and <= 100_000, "Messaging:InboxBatchSize must be between 1 and 100000.")
            .Validate(o => o.MaxAttempts >= 1, "Messaging:MaxAttempts must be at least 1.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero, "Messaging:FirstRetryDelay must be longer than zero.")
            .Validate(o => o.MaxRetryDelay >= o.FirstRetryDelay, "Messaging:MaxRetryDelay must be at least Messaging:FirstRetryDelay.")
            .Validate(o => o.Retention >= TimeSpan.FromHours(1), "Messaging:Retention must be at least an hour.")
            .ValidateOnStart();
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
internal sealed record SweepMessages : IRequest<Unit>;

internal sealed class SweepMessagesHandler(MessagePump pump) : IRequestHandler<SweepMessages, Unit>
{
    public async Task<Unit> Handle(SweepMessages request, CancellationToken cancellationToken)
    {
        await pump.RunUntilIdleAsync(cancellationToken);
        return Unit.Value;
    }
}
