using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Faulty.Contracts;

/// <summary>Declared without a handler anywhere: enabling Faulty must stop start-up.</summary>
public sealed record UnansweredQuery : IQuery<string>;
