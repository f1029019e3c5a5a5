using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Pages;

/// <summary>Creates the first manager on a fresh installation; answers 404 as soon as a manager exists.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsComposition.LoginRateLimit)]
internal sealed class SetupModel(AccountSeeding seeding, SignInManager<PracticeUser> signIn) : PageModel
{
    // Two simultaneous first visits must not both create a manager.
    private static readonly SemaphoreSlim OneSetupAtATime = new(1, 1);

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await seeding.AnyManagerAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await OneSetupAtATime.WaitAsync();
        try
        {
            if (await seeding.AnyManagerAsync())
            {
                return NotFound();
            }

            var email = Input.Email?.Trim() ?? "";
            if (!AccountService.IsEmailAddress(email))
            {
                ModelState.AddModelError("Input.Email", "Enter a valid e-mail address.");
            }

            if (string.IsNullOrWhiteSpace(Input.DisplayName))
            {
                ModelState.AddModelError("Input.DisplayName", "Enter your name.");
            }
            else if (Input.DisplayName.Trim().Length > 200)
            {
                ModelState.AddModelError("Input.DisplayName", "Shorten your name to 200 characters or fewer.");
            }

            if (Input.Password != Input.ConfirmPassword)
            {
                ModelState.AddModelError("Input.ConfirmPassword", "The two passwords are not the same.");
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }
            var (user, errors) = await seeding.CreateAsync(email, Input.DisplayName!.Trim(), Input.Password ?? "", PracticeRole.Manager, null, null);
            if (user is null)
            {
                foreach (var error in errors)
                {
                    ModelState.AddModelError("Input.Password", error);
                }

                return Page();
            }

            await signIn.SignInAsync(user, isPersistent: false);
            return Redirect("/Manage/Staff");
        }
        finally
        {
            OneSetupAtATime.Release();
        }
    }

    public sealed class SetupInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
