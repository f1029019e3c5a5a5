using Microsoft.AspNetCore.Identity;

namespace PracticeSuite.Platform.Accounts;

/// <summary>A person who signs in: a manager, a therapist (linked to a profile) or a client (linked to a client record).</summary>
internal sealed class PracticeUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public Guid? ClientId { get; set; }

    public Guid? TherapistId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Set when a manager deactivates the account: it cannot sign in or reset its password until reactivated. Kept apart
    /// from Identity's lockout, which failed sign-ins set and lift on their own.
    /// </summary>
    public DateTime? DeactivatedAt { get; set; }
}

/// <summary>A single-use secret sent by e-mail (an invitation or a password reset). Only its hash is stored.</summary>
internal sealed class AccountToken
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}

internal static class AccountTokenPurposes
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password-reset";
}
