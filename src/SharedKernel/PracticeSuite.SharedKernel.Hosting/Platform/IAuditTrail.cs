namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// An append-only record of reads and changes of health information and of money operations. Entries hold
/// ids, never personal data, so they survive a client's erasure. The host adds who, when and from where.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <param name="Action">What happened, e.g. <c>clients.intake.read</c> or <c>invoicing.refund.issued</c>.</param>
/// <param name="RecordType">The kind of record, e.g. <c>Intake</c>.</param>
/// <param name="RecordId">The record's id.</param>
/// <param name="ClientId">The client the record belongs to, for the client's history timeline.</param>
public sealed record AuditEntry(string Action, string RecordType, string RecordId, Guid? ClientId = null);
