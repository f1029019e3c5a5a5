using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Audit;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Platform.Pages.Manage;

/// <summary>The manager's audit trail: actions in words, people and clients by name, the clinic's local time.</summary>
[Authorize(Policy = Policies.Manager)]
internal sealed class AuditModel(AccountsDbContext db, AuditNames names, AuditVocabulary vocabulary, ClinicCalendar calendar, TimeProvider time) : PageModel
{
    public const int PageSize = 200;
    private const int MaxClientsInPicker = 1000;

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

    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<Option> People { get; private set; } = [];

    public IReadOnlyList<Option> Clients { get; private set; } = [];

    public IReadOnlyList<Option> Actions { get; private set; } = [];

    public string CsvQuery => Request.QueryString.HasValue ? Request.QueryString.Value + "&handler=Csv" : "?handler=Csv";

    public sealed record Row(DateTime OccurredAt, string Who, string What, string Client, string Record, string? IpAddress);

    public sealed record Option(string Value, string Text);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (To < From)
        {
            ModelState.AddModelError(nameof(To), "The end date cannot be before the start date.");
        }

        await LoadPickersAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var query = Filter.Apply(db.AuditRecords.AsNoTracking());
        Total = await query.CountAsync(cancellationToken);
        var records = await query.Take(PageSize).ToListAsync(cancellationToken);
        var people = await names.PeopleAsync(records, cancellationToken);
        var clients = await names.ClientsAsync(records.Select(r => r.ClientId).OfType<Guid>().Distinct().ToList(), cancellationToken);
        Entries = records.Select(r => new Row(
                r.OccurredAt,
                AuditNames.Who(r, people),
                vocabulary.Describe(r.Action),
                r.ClientId is { } id ? ClientName(id, clients) : "",
                r.RecordType,
                r.IpAddress))
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || To < From)
        {
            return BadRequest();
        }

        var csv = await AuditCsv.WriteAsync(Filter.Apply(db.AuditRecords), cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv");
    }

    private AuditFilter Filter => new(From, To, UserId, ActionName, ClientId, calendar.TimeZone);

    /// <summary>Staff by name, the system; the clients the other criteria reach; every enabled module's actions.</summary>
    private async Task LoadPickersAsync(CancellationToken cancellationToken)
    {
        string[] staffRoles = [nameof(PracticeRole.Manager), nameof(PracticeRole.Therapist), nameof(PracticeRole.Reception)];
        var staff = await (from user in db.Users
                           join membership in db.UserRoles on user.Id equals membership.UserId
                           join role in db.Roles on membership.RoleId equals role.Id
                           where staffRoles.Contains(role.Name!)
                           select new { user.Id, user.DisplayName, Role = role.Name })
            .AsNoTracking().ToListAsync(cancellationToken);
        People = staff.OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)
            .Select(s => new Option(s.Id, $"{s.DisplayName} ({s.Role})"))
            .Prepend(new Option(AuditFilter.SystemUser, AuditNames.System))
            .ToList();

        var clientIds = await Filter.WithoutClient().Apply(db.AuditRecords.AsNoTracking())
            .Where(r => r.ClientId != null).Select(r => r.ClientId!.Value).Distinct().Take(MaxClientsInPicker)
            .ToListAsync(cancellationToken);
        if (ClientId is { } chosen && !clientIds.Contains(chosen))
        {
            clientIds.Add(chosen);
        }

        var clientNames = await names.ClientsAsync(clientIds, cancellationToken);
        Clients = clientIds.Select(id => new Option(id.ToString(), ClientName(id, clientNames)))
            .OrderBy(o => o.Text, StringComparer.CurrentCulture).ToList();

        Actions = vocabulary.All.Select(a => new Option(a.Code, a.Description)).ToList();
    }

    /// <summary>Erased clients all read "Erased client", so the picker tells them apart by the start of their id.</summary>
    private static string ClientName(Guid id, IReadOnlyDictionary<Guid, string> names) => names.TryGetValue(id, out var name)
        ? name == IClientNames.ErasedClient ? $"{name} · {id.ToString()[..8]}" : name
        : $"{AuditNames.UnknownClient} · {id.ToString()[..8]}";
}
