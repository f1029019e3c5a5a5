using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PracticeSuite.Platform.Accounts;

namespace PracticeSuite.Platform.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsComposition.LoginRateLimit)]
internal sealed class LoginModel(SignInManager<PracticeUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    public const string WrongCredentials = "The e-mail address or password is not right.";
    public const string LockedOut = "This account is locked after too many failed sign-ins. Try again later, or reset your password.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(string.Empty, "Enter your e-mail address and your password.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account locked out");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LockedOut : WrongCredentials);
        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }
}
