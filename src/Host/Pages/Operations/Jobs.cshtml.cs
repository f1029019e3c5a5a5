using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Host.Jobs;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Host.Pages.Operations;

[Authorize(Policy = Policies.Manager)]
public sealed class JobsModel(JobOverview overview) : PageModel
{
    public IReadOnlyList<JobStatus> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Jobs = await overview.ListAsync(cancellationToken);
}
