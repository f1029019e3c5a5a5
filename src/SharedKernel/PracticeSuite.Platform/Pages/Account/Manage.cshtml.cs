using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Pages.Account;

[Authorize(Policy = Policies.SignedIn)]
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
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? "The current password is not right." : error.Description);
            }

            return Page();
        }

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
