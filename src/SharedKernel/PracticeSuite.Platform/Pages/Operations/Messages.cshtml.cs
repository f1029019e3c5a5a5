using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Platform.Messaging;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Pages.Operations;

[Authorize(Policy = Policies.Manager)]
internal sealed class MessagesModel(ParkedMessages parked) : PageModel
{
    public IReadOnlyList<ParkedMessage> Parked { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Parked = await parked.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(string module, Guid messageId, CancellationToken cancellationToken)
    {
        try
        {
            await parked.RetryAsync(module, messageId, cancellationToken);
            Notice = $"Message {messageId} was put back in line for module {module}.";
        }
        catch (NotFoundException)
        {
            Notice = $"Message {messageId} is no longer parked (it may have been retried already).";
        }

        return RedirectToPage();
    }
}
