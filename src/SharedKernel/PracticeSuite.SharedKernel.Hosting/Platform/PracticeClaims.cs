namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>The claims a signed-in principal carries besides its id and role (<c>ClaimTypes.NameIdentifier</c>, <c>ClaimTypes.Role</c>).</summary>
public static class PracticeClaims
{
    /// <summary>The account's name as the layout greets it.</summary>
    public const string DisplayName = "practicesuite:display_name";

    /// <summary>The client record an account is linked to.</summary>
    public const string ClientId = "practicesuite:client_id";

    /// <summary>The therapist profile an account is linked to.</summary>
    public const string TherapistId = "practicesuite:therapist_id";
}
