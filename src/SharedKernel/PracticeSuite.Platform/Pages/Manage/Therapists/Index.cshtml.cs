using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Platform.Therapists;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Pages.Manage.Therapists;

/// <summary>
/// The therapists' profiles. A therapist is added one way only (issue 17): invited from the Staff page with the
/// Therapist role, which creates the profile with the account; here the manager keeps profiles and credentials.
/// </summary>
[Authorize(Policy = Policies.Manager)]
internal sealed class IndexModel(TherapistDirectory directory) : PageModel
{
    public IReadOnlyList<TherapistSummary> Therapists { get; private set; } = [];

    public IReadOnlySet<Guid> Deactivated { get; private set; } = new HashSet<Guid>();

    public IReadOnlyList<CredentialWarning> Warnings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Therapists = await directory.ListAsync(cancellationToken);
        Deactivated = await directory.DeactivatedAsync(cancellationToken);
        Warnings = await directory.WarningsAsync(cancellationToken);
    }
}
