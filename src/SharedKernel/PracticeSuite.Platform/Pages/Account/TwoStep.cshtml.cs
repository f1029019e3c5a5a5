using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Platform.Pages.Account;

/// <summary>
/// The second step of signing in (ADR 0021), after a right password for an account with two-step sign-in: the code
/// the authenticator app shows, or (<c>?Recovery=true</c>) one of the recovery codes, which then stops working. Wrong
/// codes of either kind count towards the lockout like wrong passwords, and a locked account is refused here too.
/// Who is signing in comes from Identity's short-lived two-step cookie; without it the page says to start again.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsComposition.LoginRateLimit)]
internal sealed class TwoStepModel(
    SignInManager<PracticeUser> signIn, UserManager<PracticeUser> users, LockoutNotice lockoutNotice, AccountAudit audit, ILogger<TwoStepModel> logger)
    : PageModel
{
    public const string WrongCode =
        "That code did not sign you in. Type the six digits your authenticator app shows now; after too many wrong codes the account is locked for a while.";

    public const string WrongRecoveryCode =
        "That recovery code did not sign you in. Each code works once: check it against your list; after too many wrong codes the account is locked for a while.";

    public const string Locked =
        "Too many wrong codes: the account is locked for a while, and its owner has been told by e-mail. Try again later.";

    public const string StartAgain = "No sign-in is waiting for a code: signing in may have taken too long. Enter your e-mail address and password again.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>"Keep me signed in" from the first step, applied once the second succeeds.</summary>
    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    /// <summary>A recovery code instead of the app's code.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>False when no right password is waiting for its second step (none was given, or it was too long ago).</summary>
    public bool Waiting { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync()
    {
        Waiting = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || user.DeactivatedAt is not null)
        {
            Waiting = false;
            return Page();
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(AccountAudit.SignInRefused, user.Id, null, user.Id);
            ModelState.AddModelError(nameof(Code), Locked);
            return Page();
        }

        var result = Recovery ? await RecoverAsync(user) : await AuthenticatorAsync();
        if (result.Succeeded)
        {
            if (Recovery)
            {
                await audit.RecordAsync(AccountAudit.RecoveryCodeUsed, user.Id, null, user.Id);
                var left = await users.CountRecoveryCodesAsync(user);
                TempData.SetNotice(left == 0
                    ? "You signed in with your last recovery code. Generate new ones on your account page now."
                    : $"You signed in with a recovery code; it will not work again. {left} recovery codes are left.");
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        await audit.RecordAsync(AccountAudit.TwoStepCodeRefused, user.Id, null, user.Id);
        if (result.IsLockedOut || await users.IsLockedOutAsync(user))
        {
            logger.LogWarning("Second sign-in step refused: account {UserId} locked after repeated wrong codes", user.Id);
            await lockoutNotice.SendAsync(user, await users.GetLockoutEndDateAsync(user), HttpContext.RequestAborted);
            ModelState.AddModelError(nameof(Code), Locked);
            return Page();
        }

        ModelState.AddModelError(nameof(Code), Recovery ? WrongRecoveryCode : WrongCode);
        return Page();
    }

    /// <summary>Identity's check; "remember this device" is never offered (ADR 0021), so every sign-in asks for a code.</summary>
    private async Task<SignInResult> AuthenticatorAsync() =>
        TwoStepSignIn.NormalisedCode(Code) is { } digits
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, RememberMe, rememberClient: false)
            : await CountedFailureAsync();

    /// <summary>
    /// Identity redeems the code (it is removed, so it works once) but neither counts a wrong one nor looks at the
    /// lockout; both are done here so a recovery code is no way round the lockout.
    /// </summary>
    private async Task<SignInResult> RecoverAsync(PracticeUser user)
    {
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length > 0 && (await signIn.TwoFactorRecoveryCodeSignInAsync(code)).Succeeded)
        {
            return SignInResult.Success;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
    }

    /// <summary>Something that cannot be a code is counted like a wrong one, as Identity counts those it checks.</summary>
    private async Task<SignInResult> CountedFailureAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is { } user)
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        return SignInResult.Failed;
    }
}
