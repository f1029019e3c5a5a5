using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Pages.Account;

/// <summary>
/// The signed-in person's account: changing the password. Wrong current passwords count like failed sign-ins: at
/// Accounts:MaxFailedAccessAttempts the account is locked and every session of it ends, so a borrowed, unlocked
/// browser cannot be used to guess the password; posts are also rate-limited per address like sign-in.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(AccountsComposition.LoginRateLimit)]
internal sealed class ManageModel(UserManager<PracticeUser> users, SignInManager<PracticeUser> signIn, SignInSessions sessions) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public PracticeUser? Account { get; private set; }

    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await users.GetUserAsync(User);
        return Account is null ? Challenge() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }

        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The two passwords are not the same.");
            return Page();
        }

        var result = await users.ChangePasswordAsync(Account, Input.CurrentPassword ?? "", Input.NewPassword ?? "");
        if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
        {
            await users.AccessFailedAsync(Account);
            if (await users.IsLockedOutAsync(Account))
            {
                await sessions.EndAllAsync(Account.Id, "locked", HttpContext.RequestAborted);
                await signIn.SignOutAsync();
                return Redirect("/Account/Login");
            }
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

    public sealed class ChangePasswordInput
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
