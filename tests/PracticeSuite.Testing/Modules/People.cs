using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Testing;

/// <summary>The clinic's people in module tests: two therapists, two clients with portal accounts, a manager.</summary>
public static class People
{
    public static readonly Guid TherapistA = Guid.Parse("0a000000-0000-0000-0000-00000000000a");
    public static readonly Guid TherapistB = Guid.Parse("0b000000-0000-0000-0000-00000000000b");
    public static readonly Guid ClientA = Guid.Parse("ca000000-0000-0000-0000-0000000000ca");
    public static readonly Guid ClientB = Guid.Parse("cb000000-0000-0000-0000-0000000000cb");

    public static Personas Personas { get; } = new(
        new PersonaAccount("user-client-a", "alice.able@example.com", "Alice Able", PracticeRole.Client, ClientA, null),
        new PersonaAccount("user-client-b", "bob.baker@example.com", "Bob Baker", PracticeRole.Client, ClientB, null),
        new PersonaAccount("user-therapist-a", "tara@example.com", "Tara Therapist", PracticeRole.Therapist, null, TherapistA),
        new PersonaAccount("user-therapist-b", "theo@example.com", "Theo Therapist", PracticeRole.Therapist, null, TherapistB),
        new PersonaAccount("user-manager", "mia@example.com", "Mia Manager", PracticeRole.Manager, null, null));
}
