using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>Who is making the current request: a signed-in person, the system (<see cref="SystemPrincipal"/>), or nobody.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The platform's own work, run inside <see cref="SystemPrincipal.Enter"/>: never a signed-in person.</summary>
    bool IsSystem { get; }

    /// <summary>The account's id, or null when nobody is signed in (or a job is running).</summary>
    string? UserId { get; }

    PracticeRole? Role { get; }

    /// <summary>The client record the account is linked to (Client role).</summary>
    Guid? ClientId { get; }

    /// <summary>The therapist profile the account is linked to (Therapist role).</summary>
    Guid? TherapistId { get; }

    /// <summary>The caller's address, for the audit trail and signatures.</summary>
    string? IpAddress { get; }
}
