namespace PracticeSuite.SharedKernel.Messaging;

/// <summary>
/// A request about one client's record. Before it is validated or handled the pipeline checks, once, that the caller
/// may see that client (the Clients module's rule: the manager every client, a therapist their care team's clients,
/// a client themself, the system everyone, nobody none); a record the caller may not see is "not found".
/// </summary>
public interface IClientRecordRequest
{
    Guid ClientId { get; }
}
