using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Messaging;

/// <summary>Where an integration event came from: its id (the idempotency key for external effects), flow and time.</summary>
public sealed record IntegrationEventContext(Guid EventId, string CorrelationId, DateTime OccurredAt);

/// <summary>
/// A subscriber's handler. It runs in the subscriber module's transaction together with the inbox's
/// "processed" mark, so its database writes commit exactly once per event. A module subscribes to an
/// event simply by having a handler for it.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}
