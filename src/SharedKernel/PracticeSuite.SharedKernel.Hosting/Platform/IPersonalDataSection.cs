namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// One module's part of a client's personal-data export. Each module that keeps personal data about a client
/// registers one (in its <c>Register</c>); the Clients module gathers every registered section into the export.
/// </summary>
public interface IPersonalDataSection
{
    /// <summary>The section's heading, e.g. <c>Client record</c>; unique across modules.</summary>
    string SectionName { get; }

    /// <summary>
    /// Everything this module holds about the client, as a JSON-serialisable object; null when it holds nothing.
    /// Runs without the caller's record-level checks: the export itself is authorised once for the whole record.
    /// </summary>
    Task<object?> ExportAsync(Guid clientId, CancellationToken cancellationToken);
}
