using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Accounts;

/// <summary>
/// The claims a sign-in produces, exactly what <see cref="Security.HttpCurrentUser"/> reads: the id
/// (NameIdentifier), the role (Role, a PracticeRole name) and the linked client or therapist; and whether two-step
/// sign-in is on, for <see cref="TwoStepRequirement"/>.
/// </summary>
internal sealed class PracticeClaimsPrincipalFactory(UserManager<PracticeUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PracticeUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PracticeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PracticeClaims.DisplayName, user.DisplayName));
        if (user.ClientId is { } clientId)
        {
            identity.AddClaim(new Claim(PracticeClaims.ClientId, clientId.ToString()));
        }

        if (user.TherapistId is { } therapistId)
        {
            identity.AddClaim(new Claim(PracticeClaims.TherapistId, therapistId.ToString()));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoStepSignIn.ClaimType, "on"));
        }

        return identity;
    }
}
