namespace PracticeSuite.Platform.Accounts;

/// <summary>The <c>Accounts</c> configuration section.</summary>
internal sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>How long an invitation link works (<c>Accounts:InvitationLifetime</c>).</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a password-reset link works; never more than two hours.</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The address links in e-mails start with; the request's own address when empty.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How long a sign-in lasts at most, however active the person is (<c>Accounts:SessionLifetime</c>).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At least 12 (ASVS 2.1.1); no composition rules, but no password from the common-password list.</summary>
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>
    /// When true, a manager without two-step sign-in is sent to set it up and reaches nothing else until it is on
    /// (<c>Accounts:RequireTwoFactorForManagers</c>).
    /// </summary>
    public bool RequireTwoFactorForManagers { get; set; }

    public RateLimitOptions RateLimit { get; set; } = new();

    public FirstManagerOptions FirstManager { get; set; } = new();

    public TimeSpan EffectivePasswordResetLifetime =>
        PasswordResetLifetime <= TimeSpan.Zero || PasswordResetLifetime > TimeSpan.FromHours(2) ? TimeSpan.FromHours(2) : PasswordResetLifetime;

    public sealed class RateLimitOptions
    {
        /// <summary>Sign-in attempts (POSTs) per address per window.</summary>
        public int LoginPermits { get; set; } = 10;

        /// <summary>Password-reset requests and resets (POSTs) per address per window.</summary>
        public int ResetPermits { get; set; } = 5;

        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }

    public sealed class FirstManagerOptions
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public string DisplayName { get; set; } = "Clinic manager";
    }
}
