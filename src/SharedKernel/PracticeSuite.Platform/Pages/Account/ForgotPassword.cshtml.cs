using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PracticeSuite.Platform.Accounts;

namespace PracticeSuite.Platform.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsComposition.ResetRateLimit)]
internal sealed class ForgotPasswordModel(AccountService accounts) : PageModel
{
    /// <summary>The one answer, whether or not the address has an account (no account enumeration).</summary>
    public const string Answer = "If an account uses that address, we have sent it a link to choose a new password. Check your inbox.";

    [BindProperty]
    public string? Email { get; set; }

    public bool Requested { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || !AccountService.IsEmailAddress(Email.Trim()))
        {
            ModelState.AddModelError(nameof(Email), "Enter a valid e-mail address.");
            return Page();
        }

        await accounts.RequestPasswordResetAsync(Email, cancellationToken);
        Requested = true;
        return Page();
    }
}
