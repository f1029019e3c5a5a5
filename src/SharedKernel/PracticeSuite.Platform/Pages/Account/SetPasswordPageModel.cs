using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Platform.Accounts;

namespace PracticeSuite.Platform.Pages.Account;

/// <summary>
/// Choosing a password with a link from an e-mail (an invitation or a reset). An unknown, used or expired
/// link shows a clear page and changes nothing; a weak password shows the rule that failed.
/// </summary>
internal abstract class SetPasswordPageModel(AccountService accounts, AccountTokenService tokens, SignInManager<PracticeUser> signIn) : PageModel
{
    protected abstract string Purpose { get; }

    public abstract string Heading { get; }

    public abstract string Explanation { get; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SetPasswordInput Input { get; set; } = new();

    /// <summary>Null while the link is usable.</summary>
    public TokenState? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var check = await tokens.CheckAsync(Token, Purpose, cancellationToken);
        if (check.State != TokenState.Valid)
        {
            return Refused(check.State);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The two passwords are not the same.");
            return Page();
        }

        var outcome = await accounts.SetPasswordWithTokenAsync(Token, Purpose, Input.Password, cancellationToken);
        if (outcome.State != TokenState.Valid)
        {
            return Refused(outcome.State);
        }

        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.PasswordErrors)
            {
                ModelState.AddModelError("Input.Password", error);
            }

            return Page();
        }

        await signIn.SignInAsync(outcome.User!, isPersistent: false);
        return Redirect("/");
    }

    private IActionResult Refused(TokenState state)
    {
        Problem = state;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string ProblemText => Problem switch
    {
        TokenState.Used => "This link has already been used. Each link works once.",
        TokenState.Expired => "This link has expired.",
        _ => "This link is not valid. Check that you copied the whole address from the e-mail.",
    };

    public sealed class SetPasswordInput
    {
        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
