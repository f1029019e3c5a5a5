using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// The append-only record of reads and changes of health information and of money operations, written by the
/// pipeline's <see cref="Behaviours.AuditBehavior{TRequest,TResponse}"/> (never by handlers or pages). The
/// platform adds who, when and from where; a change commits with its command, a read is stored before the
/// response is sent.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditSubject subject, CancellationToken cancellationToken);
}

/// <summary>
/// A module's audit actions in words. The platform's audit pages show each stored code through these; a code
/// no enabled module names is shown as it is.
/// </summary>
public interface IAuditActions
{
    IReadOnlyCollection<AuditAction> Actions { get; }
}

/// <summary>
/// Clients' names for the audit pages, from whichever module keeps client records. Ids missing from the answer
/// are shown as unknown; an erased client is named <see cref="ErasedClient"/>.
/// </summary>
public interface IClientNames
{
    const string ErasedClient = "Erased client";

    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken);
}
