using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Beta.Contracts;

/// <summary>Asks module Beta to greet someone by name.</summary>
public sealed record GetGreeting(string Name) : IQuery<Greeting>;

/// <param name="Text">The greeting.</param>
/// <param name="AnsweredBy">The module whose handler answered, so tests can see who did.</param>
public sealed record Greeting(string Text, string AnsweredBy);
