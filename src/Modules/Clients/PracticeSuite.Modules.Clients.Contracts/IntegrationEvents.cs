using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Clients.Contracts;

// Events carry ids only: personal data stays in this module (ask GetClientSummary), so an erased client
// leaves nothing behind in other modules' inboxes.

[IntegrationEvent("clients.client-registered.v1")]
public sealed record ClientRegistered(Guid ClientId) : IIntegrationEvent;

/// <summary>Name, contact details, time zone, contact preferences or care team changed.</summary>
[IntegrationEvent("clients.client-details-changed.v1")]
public sealed record ClientDetailsChanged(Guid ClientId) : IIntegrationEvent;

/// <summary>The client's flags, clearances, intake or consent changed, so eligibility may have changed.</summary>
[IntegrationEvent("clients.screening-changed.v1")]
public sealed record ClientScreeningChanged(Guid ClientId, bool MayStartPlan) : IIntegrationEvent;

[IntegrationEvent("clients.client-archived.v1")]
public sealed record ClientArchived(Guid ClientId) : IIntegrationEvent;

[IntegrationEvent("clients.client-restored.v1")]
public sealed record ClientRestored(Guid ClientId) : IIntegrationEvent;

/// <summary>The client asked to be forgotten: every module removes or anonymises its personal data for this id.</summary>
[IntegrationEvent("clients.client-erased.v1")]
public sealed record ClientErased(Guid ClientId) : IIntegrationEvent;
