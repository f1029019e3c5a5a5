namespace PracticeSuite.SharedKernel.Hosting.Messaging;

/// <summary>
/// How a command asked for later (<see cref="Persistence.ModuleDbContext.RunLater"/>) is named in the outbox: a
/// prefix no integration event name has, then the command's type without its assembly version, so a job handed over
/// before an upgrade still finds its type after it.
/// </summary>
public static class DeferredCommands
{
    public const string TypePrefix = "command:";

    public static string TypeOf(Type commandType) => $"{TypePrefix}{commandType.FullName}, {commandType.Assembly.GetName().Name}";

    public static bool IsDeferredCommand(string outboxType) => outboxType.StartsWith(TypePrefix, StringComparison.Ordinal);

    /// <summary>The type name <see cref="Type.GetType(string)"/> takes, from an outbox type.</summary>
    public static string CommandTypeName(string outboxType) => outboxType[TypePrefix.Length..];

    /// <summary>The command's short name (<c>PrintSlip</c>), for the job's name on the dashboard.</summary>
    public static string CommandName(string outboxType) => CommandTypeName(outboxType).Split(',')[0].Split('.', '+')[^1];
}
