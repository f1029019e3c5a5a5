using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Modules.Alpha.Contracts;

/// <summary>How many visits Alpha has recorded; test module Gamma shows it when Alpha is enabled (an optional collaborator).</summary>
public sealed record CountVisits : IQuery<int>;
