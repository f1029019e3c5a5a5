using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Alpha.Contracts;

/// <summary>Published when Alpha records a visit; test module Gamma subscribes.</summary>
[IntegrationEvent("alpha.visit-recorded.v1")]
public sealed record VisitRecordedIntegrationEvent(Guid VisitId, string VisitorName) : IIntegrationEvent;
