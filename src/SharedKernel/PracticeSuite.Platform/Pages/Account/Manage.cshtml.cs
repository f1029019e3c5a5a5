using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Platform.Pages.Account;

/// <summary>
/// The signed-in person's account: changing the password and, for staff, two-step sign-in (ADR 0021: set it up, new
/// recovery codes, turn it off with the current password). Wrong current passwords count like failed sign-ins: at
/// Accounts:MaxFailedAccessAttempts the account is locked and every session of it ends, so a borrowed, unlocked
/// browser cannot be used to guess the password; posts are also rate-limited per address like sign-in.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(AccountsComposition.LoginRateLimit)]
internal sealed class ManageModel(UserManager<PracticeUser> users, SignInManager<PracticeUser> signIn, SignInSessions sessions, TwoStepSignIn twoStep) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    /// <summary>The current password that turns two-step sign-in off.</summary>
    [BindProperty]
    public string? TurnOffPassword { get; set; }

    public PracticeUser? Account { get; private set; }

    public bool Changed { get; private set; }

    /// <summary>Staff have the two-step section; clients sign in with a password alone.</summary>
    public bool OffersTwoStep => TwoStepSignIn.IsFor(User);

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Just generated: shown on this answer only.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }

        await LoadTwoStepAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }

        await LoadTwoStepAsync();
        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The two passwords are not the same.");
            return Page();
        }

        var result = await users.ChangePasswordAsync(Account, Input.CurrentPassword ?? "", Input.NewPassword ?? "");
        if (result.Errors.Any(e => e.Code == "PasswordMismatch") && await LockedByWrongPasswordAsync(Account))
        {
            return Redirect("/Account/Login");
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? "The current password is not right." : error.Description);
            }

            return Page();
        }

        await users.ResetAccessFailedCountAsync(Account);
        // Every other browser signed in to this account is signed out; this one continues in a new session.
        await sessions.EndAllAsync(Account.Id, "password-changed", HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(Account);
        Changed = true;
        Input = new();
        return Page();
    }

    /// <summary>Ten new recovery codes, shown on this answer; the earlier ones stop working.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await TwoStepAccountAsync() is not { } account)
        {
            return Forbid();
        }

        if (!account.TwoFactorEnabled)
        {
            TempData.SetNotice("Two-step sign-in is off, so there are no recovery codes to replace.");
            return RedirectToPage();
        }

        NewRecoveryCodes = await twoStep.RenewRecoveryCodesAsync(account);
        await LoadTwoStepAsync();
        return Page();
    }

    /// <summary>Turning it off takes the current password (ADR 0021), counted like a sign-in's when wrong.</summary>
    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        if (await TwoStepAccountAsync() is not { } account)
        {
            return Forbid();
        }

        if (!account.TwoFactorEnabled)
        {
            TempData.SetNotice("Two-step sign-in is already off.");
            return RedirectToPage();
        }

        if (string.IsNullOrEmpty(TurnOffPassword) || !await users.CheckPasswordAsync(account, TurnOffPassword))
        {
            if (!string.IsNullOrEmpty(TurnOffPassword) && await LockedByWrongPasswordAsync(account))
            {
                return Redirect("/Account/Login");
            }

            ModelState.AddModelError(nameof(TurnOffPassword), string.IsNullOrEmpty(TurnOffPassword)
                ? "Type your current password to turn two-step sign-in off."
                : "The current password is not right.");
            await LoadTwoStepAsync();
            return Page();
        }

        await users.ResetAccessFailedCountAsync(account);
        await twoStep.DisableAsync(account, HttpContext.RequestAborted);
        TempData.SetNotice("Two-step sign-in is off: you sign in with your password alone. Your authenticator app's entry and your recovery codes no longer work.");
        return RedirectToPage();
    }

    private async Task<PracticeUser?> TwoStepAccountAsync()
    {
        Account = await users.GetUserAsync(User);
        return Account is not null && OffersTwoStep ? Account : null;
    }

    private async Task LoadTwoStepAsync()
    {
        if (Account is { TwoFactorEnabled: true } && OffersTwoStep)
        {
            RecoveryCodesLeft = await twoStep.RecoveryCodesLeftAsync(Account);
        }
    }

    /// <summary>A wrong current password counts as a failed sign-in; at the limit every session of the account ends.</summary>
    private async Task<bool> LockedByWrongPasswordAsync(PracticeUser account)
    {
        await users.AccessFailedAsync(account);
        if (!await users.IsLockedOutAsync(account))
        {
            return false;
        }

        await sessions.EndAllAsync(account.Id, "locked", HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return true;
    }

    public sealed class ChangePasswordInput
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
