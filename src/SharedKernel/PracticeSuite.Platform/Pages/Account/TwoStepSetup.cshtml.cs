using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Pages.Account;

/// <summary>
/// Setting up two-step sign-in (staff only, ADR 0021): the QR code and the key for the authenticator app, then the
/// code it shows to prove it has the key; the ten recovery codes are shown once, on the answer to that post. Not
/// rate-limited like sign-in: the code here guards nothing the signed-in person cannot already see (the key).
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class TwoStepSetupModel(UserManager<PracticeUser> users, TwoStepSignIn twoStep, IClinicIdentity clinic, IOptions<AccountsOptions> options)
    : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The key in groups of four, for typing into the app.</summary>
    public string GroupedKey { get; private set; } = "";

    public string QrCodeSvg { get; private set; } = "";

    /// <summary>Set once two-step sign-in has just been turned on: shown now and never again.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>The clinic requires it of this manager (<c>Accounts:RequireTwoFactorForManagers</c>).</summary>
    public bool Required => options.Value.RequireTwoFactorForManagers && User.IsInRole(nameof(PracticeRole.Manager));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return AlreadyOn();
        }

        await ShowKeyAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return AlreadyOn();
        }

        if (await twoStep.EnableAsync(user, Code, cancellationToken) is not { } codes)
        {
            ModelState.AddModelError(nameof(Code), TwoStepSignIn.WrongSetupCode);
            await ShowKeyAsync(user, cancellationToken);
            return Page();
        }

        RecoveryCodes = codes;
        return Page();
    }

    private IActionResult AlreadyOn()
    {
        TempData.SetNotice("Two-step sign-in is already on for your account.");
        return Redirect("/Account/Manage");
    }

    private async Task ShowKeyAsync(PracticeUser user, CancellationToken cancellationToken)
    {
        var key = await twoStep.SetupKeyAsync(user);
        var issuer = (await clinic.GetAsync(cancellationToken)).Name;
        GroupedKey = TwoStepSignIn.Grouped(key);
        QrCodeSvg = TwoStepSignIn.QrCodeSvg(
            TwoStepSignIn.AuthenticatorUri(issuer, user.Email ?? user.UserName ?? user.Id, key),
            $"QR code for your authenticator app: {issuer}, {user.Email}. The key below says the same.");
        Code = null;
    }
}
