using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Audit;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Pages.Manage;

[Authorize(Policy = Policies.Manager)]
internal sealed class AuditModel(AccountsDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ClientId { get; set; }

    public IReadOnlyList<AuditRecord> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public string CsvQuery => Request.QueryString.HasValue ? Request.QueryString.Value + "&handler=Csv" : "?handler=Csv";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var query = Filter.Apply(db.AuditRecords.AsNoTracking());
        Total = await query.CountAsync(cancellationToken);
        Entries = await query.Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var csv = await AuditCsv.WriteAsync(Filter.Apply(db.AuditRecords), cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv");
    }

    private AuditFilter Filter => new(From, To, UserId, ActionName, ClientId);
}
