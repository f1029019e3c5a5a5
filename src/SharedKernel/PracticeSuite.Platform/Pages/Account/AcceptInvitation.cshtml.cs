using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PracticeSuite.Platform.Accounts;

namespace PracticeSuite.Platform.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsComposition.ResetRateLimit)]
internal sealed class AcceptInvitationModel(AccountService accounts, AccountTokenService tokens, SignInManager<PracticeUser> signIn)
    : SetPasswordPageModel(accounts, tokens, signIn)
{
    protected override string Purpose => AccountTokenPurposes.Invitation;

    public override string Heading => "Welcome to PracticeSuite";

    public override string Explanation => "Choose the password for your new account.";
}
