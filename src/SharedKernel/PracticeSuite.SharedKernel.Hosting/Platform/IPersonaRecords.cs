using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// Lets the authorization matrix test (and demo mode) ask a module for real records: the module creates
/// records owned by <see cref="Personas.ClientA"/> and treated by <see cref="Personas.TherapistA"/>, and
/// returns the route values that address them (e.g. <c>clientId</c>). ClientB and TherapistB get records of
/// their own, so "another client" really asks for someone else's record.
/// </summary>
public interface IPersonaRecords
{
    Task<IReadOnlyDictionary<string, string>> SeedAsync(Personas personas, CancellationToken cancellationToken);
}

public sealed record PersonaAccount(string UserId, string Email, string DisplayName, PracticeRole Role, Guid? ClientId, Guid? TherapistId);

/// <summary>The standard people: two clients, two therapists and a manager. Client and therapist ids are fixed before seeding.</summary>
public sealed record Personas(PersonaAccount ClientA, PersonaAccount ClientB, PersonaAccount TherapistA, PersonaAccount TherapistB, PersonaAccount Manager, PersonaAccount? Reception = null);
