namespace PracticeSuite.SharedKernel.Messaging;

/// <summary>Whether an audited action only looked at a record or changed it (a client's history shows changes first).</summary>
public enum AuditKind
{
    Read,
    Change,
}

/// <summary>
/// Something a module audits, named once: a stable code stored in the trail (<c>clients.intake.read</c>) and the
/// words people read on the audit pages ("Viewed the intake").
/// </summary>
public sealed record AuditAction(string Code, AuditKind Kind, string Description);

/// <summary>What one request read or changed: ids only, so the entry can stay when the client is erased.</summary>
/// <param name="RecordType">The kind of record, e.g. <c>Intake</c>.</param>
/// <param name="RecordId">The record's id.</param>
/// <param name="ClientId">The client the record belongs to, for the client's history.</param>
public sealed record AuditSubject(AuditAction Action, string RecordType, string RecordId, Guid? ClientId);

/// <summary>
/// A request the pipeline audits once it has succeeded: the request says what it read or changed, the platform
/// adds who, when and from where, and the caller gets the response only after the entry is stored. A request
/// that found nothing (a null response) may describe nothing.
/// </summary>
public interface IAuditedRequest<in TResponse>
{
    AuditSubject? DescribeAudit(TResponse response);
}
