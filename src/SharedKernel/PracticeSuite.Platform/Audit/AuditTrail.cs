using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Audit;

/// <summary>
/// Adds who, when and from where to what a request declared. A change joins its command's transaction (entry and
/// change commit together); a read goes to the group-committing <see cref="AuditWriter"/> and is stored before
/// the caller goes on.
/// </summary>
internal sealed class AuditTrail(AccountsDbContext db, UnitOfWorkContext unitOfWork, AuditWriter writer, ICurrentUser currentUser, TimeProvider time) : IAuditTrail
{
    public async Task RecordAsync(AuditSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var record = new AuditRecord
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = time.GetUtcNow().UtcDateTime,
            UserId = currentUser.UserId,
            Role = currentUser.Role?.ToString(),
            Action = Clip(subject.Action.Code, 100),
            Kind = subject.Action.Kind,
            RecordType = Clip(subject.RecordType, 100),
            RecordId = Clip(subject.RecordId, 100),
            ClientId = subject.ClientId,
            IpAddress = currentUser.IpAddress is { } address ? Clip(address, 64) : null,
        };

        if (unitOfWork.Current?.Database.CurrentTransaction is not null)
        {
            db.AuditRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await writer.WriteAsync(record);
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}

/// <summary>Every enabled module's audit actions, to show stored codes in words.</summary>
internal sealed class AuditVocabulary(IEnumerable<IAuditActions> modules)
{
    private readonly Dictionary<string, AuditAction> _actions = modules.SelectMany(m => m.Actions)
        .GroupBy(a => a.Code, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IEnumerable<AuditAction> All => _actions.Values.OrderBy(a => a.Description, StringComparer.CurrentCulture);

    /// <summary>The action in words; a code no enabled module names (a disabled module's, an older version's) as it is.</summary>
    public string Describe(string code) => _actions.TryGetValue(code, out var action) ? action.Description : code;
}

/// <summary>People's names for the audit pages, looked up when shown (entries hold ids only).</summary>
internal sealed class AuditNames(AccountsDbContext db, IEnumerable<IClientNames> clientNames)
{
    public const string System = "The system";
    public const string UnknownClient = "Unknown client";

    public async Task<IReadOnlyDictionary<string, string>> PeopleAsync(IEnumerable<AuditRecord> records, CancellationToken cancellationToken)
    {
        var userIds = records.Select(r => r.UserId).OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ClientsAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var source in clientNames)
        {
            foreach (var (id, name) in await source.NamesAsync(clientIds, cancellationToken))
            {
                names[id] = name;
            }
        }

        return names;
    }

    /// <summary>"Ana Lopez (Manager)", "The system", or a note that the account is gone.</summary>
    public static string Who(AuditRecord record, IReadOnlyDictionary<string, string> people) => record.UserId switch
    {
        null => System,
        { } id when people.TryGetValue(id, out var name) => $"{name} ({record.Role})",
        _ => $"A removed account ({record.Role})",
    };
}

/// <summary>A client's history page: the audit entries about that client, in words, with who made them by name.</summary>
internal sealed class AuditTimeline(AccountsDbContext db, AuditNames names, AuditVocabulary vocabulary) : IAuditTimeline
{
    public async Task<IReadOnlyList<AuditTimelineEntry>> ForClientAsync(Guid clientId, bool includeReads, int limit, CancellationToken cancellationToken)
    {
        var query = db.AuditRecords.AsNoTracking().Where(r => r.ClientId == clientId);
        if (!includeReads)
        {
            query = query.Where(r => r.Kind == AuditKind.Change);
        }

        var records = await query.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        var people = await names.PeopleAsync(records, cancellationToken);
        return records
            .Select(r => new AuditTimelineEntry(r.OccurredAt, AuditNames.Who(r, people), vocabulary.Describe(r.Action), r.Kind, r.Action))
            .ToList();
    }
}

/// <summary>
/// The manager's filter over the audit trail. Dates are whole days of the clinic's calendar, both inclusive; the
/// action matches by prefix, so a module's code prefix (<c>clients.</c>) selects all of its actions.
/// </summary>
internal sealed record AuditFilter(DateOnly? From, DateOnly? To, string? UserId, string? Action, Guid? ClientId, TimeZoneInfo ClinicZone)
{
    public IQueryable<AuditRecord> Apply(IQueryable<AuditRecord> records)
    {
        if (From is { } from)
        {
            var start = StartOfClinicDay(from);
            records = records.Where(r => r.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = StartOfClinicDay(to.AddDays(1));
            records = records.Where(r => r.OccurredAt < end);
        }

        if (!string.IsNullOrWhiteSpace(UserId))
        {
            records = UserId.Trim() == SystemUser
                ? records.Where(r => r.UserId == null)
                : records.Where(r => r.UserId == UserId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            records = records.Where(r => r.Action.StartsWith(action));
        }

        if (ClientId is { } clientId)
        {
            records = records.Where(r => r.ClientId == clientId);
        }

        return records.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id);
    }

    /// <summary>The person picker's value for work the system did (jobs, start-up).</summary>
    public const string SystemUser = "system";

    /// <summary>The filter without its client, for listing the clients the other criteria reach.</summary>
    public AuditFilter WithoutClient() => this with { ClientId = null };

    private DateTime StartOfClinicDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (ClinicZone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddHours(1); // where clocks spring forward at midnight, the day starts an hour later
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, ClinicZone);
    }
}

internal static class AuditCsv
{
    public const string Header = "occurred_at_utc,user_id,role,action,record_type,record_id,client_id,ip_address";

    public static async Task<string> WriteAsync(IQueryable<AuditRecord> records, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        await foreach (var r in records.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.AppendJoin(',',
                    Field(r.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
                    Field(r.UserId), Field(r.Role), Field(r.Action), Field(r.RecordType), Field(r.RecordId),
                    Field(r.ClientId?.ToString()), Field(r.IpAddress))
                .Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting, and a leading quote mark against spreadsheet formula injection.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
