namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// A client's own time zone, from whichever module keeps client records, so that what the platform sends a client
/// (an e-mail about their account) reads in the client's time. Null when the client is unknown; then the clinic's.
/// </summary>
public interface IClientTimeZones
{
    Task<string?> TimeZoneOfAsync(Guid clientId, CancellationToken cancellationToken);
}
