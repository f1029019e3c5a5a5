using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Pages.Account;

/// <summary>
/// Sign-in that tells nobody whether an address has an account: an unknown address, a wrong password, a locked and a
/// deactivated account get the same words after the same work (one password hash each), and a locked account's owner
/// is told by e-mail instead.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsComposition.LoginRateLimit)]
internal sealed class LoginModel(
    SignInManager<PracticeUser> signIn, UserManager<PracticeUser> users, IPasswordHasher<PracticeUser> hasher, LockoutNotice lockoutNotice, AccountAudit audit, ILogger<LoginModel> logger)
    : PageModel
{
    public const string Refused =
        "That e-mail address and password did not sign you in. Check them and try again: after too many failed tries an account is locked for a while, and its owner is told by e-mail.";

    /// <summary>A hash of a password nobody has, verified when there is no account's own to verify, so that costs the same.</summary>
    private static readonly Lazy<string> StandInHash = new(() => new PasswordHasher<PracticeUser>().HashPassword(new PracticeUser(), Guid.NewGuid().ToString()));

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

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var wasLocked = user is not null && await users.IsLockedOutAsync(user);
        // A deactivated account is refused like a wrong password, so the page never tells it apart from one.
        var deactivated = user?.DeactivatedAt is not null;
        if (user is null || wasLocked || deactivated)
        {
            // Identity checks no password for these; spend the same time as a wrong password does.
            hasher.VerifyHashedPassword(user ?? new PracticeUser(), StandInHash.Value, Input.Password);
            await audit.RecordAsync(AccountAudit.SignInRefused, user?.Id, null, user?.Id ?? "no such account");
            ModelState.AddModelError(string.Empty, Refused);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        await audit.RecordAsync(AccountAudit.SignInRefused, user.Id, null, user.Id);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserId} locked after repeated failures", user.Id);
            await TellTheOwnerAsync(user);
        }

        ModelState.AddModelError(string.Empty, Refused);
        return Page();
    }

    private async Task TellTheOwnerAsync(PracticeUser user) =>
        await lockoutNotice.SendAsync(user, await users.GetLockoutEndDateAsync(user), HttpContext.RequestAborted);

    public sealed class LoginInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }
}
