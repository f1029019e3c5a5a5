using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Email;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Pages.Manage;

[Authorize(Policy = Policies.Manager)]
internal sealed class EmailModel(AccountsDbContext db, IMediator mediator, IOptions<EmailOptions> options, PracticeDatabase database) : PageModel
{
    public IReadOnlyList<EmailRecord> Messages { get; private set; } = [];

    public string Transport => string.IsNullOrWhiteSpace(options.Value.Smtp.Host)
        ? $"No SMTP server is configured: messages are written to {DeliverQueuedEmailsHandler.MailFolder(options.Value, database)}"
        : $"Messages are sent through {options.Value.Smtp.Host}:{options.Value.Smtp.Port}{(options.Value.Smtp.UseTls ? " (STARTTLS)" : "")}";

    [TempData]
    public string? Delivered { get; set; }

    /// <summary><c>?failed=true</c> (the home page's count links here): only the messages whose last attempt failed or that were given up.</summary>
    [BindProperty(SupportsGet = true, Name = "failed")]
    public bool FailedOnly { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var messages = db.Emails.AsNoTracking();
        if (FailedOnly)
        {
            messages = messages.Where(e => e.Status == EmailStatus.Failed || e.Status == EmailStatus.GaveUp);
        }

        Messages = await messages.OrderByDescending(e => e.QueuedAt).Take(200).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeliverAsync(CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new DeliverQueuedEmails(), cancellationToken);
        Delivered = $"Delivery run: {report.Sent} sent, {report.WrittenToFolder} written to the folder, {report.Failed} failed.";
        return RedirectToPage();
    }
}
