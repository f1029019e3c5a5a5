namespace PracticeSuite.SharedKernel.Messaging;

/// <summary>
/// A fact one module publishes for others, declared in the producer's Contracts. It travels through the
/// producer's outbox and each subscriber's inbox, never in-process, and is named by
/// <see cref="IntegrationEventAttribute"/> so that renaming the class never breaks stored messages.
/// </summary>
public interface IIntegrationEvent;

/// <summary>The stable, versioned wire name of an integration event, e.g. <c>invoicing.invoice-paid.v1</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
