using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Platform.Clinic;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Web;

namespace PracticeSuite.Platform.Pages.Manage;

/// <summary>The clinic's identity, as clients meet it on pages, e-mails and PDFs: a manager's page.</summary>
[Authorize(Policy = Policies.Manager)]
internal sealed class ClinicModel(ClinicIdentityEditor editor, IClinicIdentity clinic) : PageModel
{
    [BindProperty]
    public ClinicInput Input { get; set; } = new();

    /// <summary>A new logo, if one was chosen.</summary>
    [BindProperty]
    public IFormFile? Logo { get; set; }

    [BindProperty]
    public bool RemoveLogo { get; set; }

    public ClinicIdentity Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await clinic.GetAsync(cancellationToken);
        Input = new ClinicInput
        {
            Name = Current.Name,
            Address = Current.Address,
            Phone = Current.Phone,
            TaxNumber = Current.TaxNumber,
            SenderName = Current.SenderName,
            SenderAddress = Current.SenderAddress,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Current = await clinic.GetAsync(cancellationToken);
        var details = new ClinicDetails(Input.Name, Input.Address, Input.Phone, Input.TaxNumber, Input.SenderName, Input.SenderAddress);
        foreach (var (field, problem) in ClinicIdentityEditor.Problems(details))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", problem);
        }

        var logo = LogoChange.Keep;
        if (Logo is not null)
        {
            var (content, contentType, problem) = await ClinicLogoFile.ReadAsync(Logo, cancellationToken);
            if (problem is not null)
            {
                ModelState.AddModelError(nameof(Logo), problem);
            }
            else
            {
                logo = new LogoChange(content, contentType, Remove: false);
            }
        }
        else if (RemoveLogo)
        {
            logo = new LogoChange(null, null, Remove: true);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await editor.SaveAsync(details, logo, cancellationToken);
        TempData.SetNotice(saved switch
        {
            { Details: true, Logo: true } => "The clinic's details and logo are saved.",
            { Details: true } => "The clinic's details are saved.",
            { Logo: true } => logo.Remove ? "The logo is removed." : "The logo is saved.",
            _ => "Nothing was changed.",
        });
        return RedirectToPage();
    }

    public sealed class ClinicInput
    {
        public string? Name { get; set; }

        public string? Address { get; set; }

        public string? Phone { get; set; }

        public string? TaxNumber { get; set; }

        public string? SenderName { get; set; }

        public string? SenderAddress { get; set; }
    }
}
