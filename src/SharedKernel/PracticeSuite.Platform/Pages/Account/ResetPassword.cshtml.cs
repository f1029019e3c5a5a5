using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PracticeSuite.Platform.Accounts;

namespace PracticeSuite.Platform.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsComposition.ResetRateLimit)]
internal sealed class ResetPasswordModel(AccountService accounts, AccountTokenService tokens, SignInManager<PracticeUser> signIn)
    : SetPasswordPageModel(accounts, tokens, signIn)
{
    protected override string Purpose => AccountTokenPurposes.PasswordReset;

    public override string Heading => "Choose a new password";

    public override string Explanation => "Enter the new password for your account.";
}
