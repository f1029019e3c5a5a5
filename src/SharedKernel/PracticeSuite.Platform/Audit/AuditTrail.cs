using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Audit;

/// <summary>Stores audit entries with who, when and from where; ids only.</summary>
internal sealed class AuditTrail(AccountsDbContext db, ICurrentUser currentUser, TimeProvider time) : IAuditTrail
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        db.AuditRecords.Add(new AuditRecord
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = time.GetUtcNow().UtcDateTime,
            UserId = currentUser.UserId,
            Role = currentUser.Role?.ToString(),
            Action = Clip(entry.Action, 100),
            RecordType = Clip(entry.RecordType, 100),
            RecordId = Clip(entry.RecordId, 100),
            ClientId = entry.ClientId,
            IpAddress = currentUser.IpAddress is { } address ? Clip(address, 64) : null,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}

/// <summary>A client's history page: the audit entries about that client, with who made them by name.</summary>
internal sealed class AuditTimeline(AccountsDbContext db) : IAuditTimeline
{
    public async Task<IReadOnlyList<AuditTimelineEntry>> ForClientAsync(Guid clientId, int limit, CancellationToken cancellationToken)
    {
        var records = await db.AuditRecords.AsNoTracking()
            .Where(r => r.ClientId == clientId)
            .OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var userIds = records.Select(r => r.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return records
            .Select(r => new AuditTimelineEntry(r.OccurredAt, r.UserId, Who(r, r.UserId is { } id ? names.GetValueOrDefault(id) : null), r.Action, r.RecordType, r.RecordId))
            .ToList();
    }

    private static string Who(AuditRecord record, string? name) => (record.UserId, name) switch
    {
        (null, _) => "system",
        (_, null) => $"removed account ({record.Role})",
        _ => $"{name} ({record.Role})",
    };
}

/// <summary>The manager's filter over the audit trail. Dates are whole UTC days, both inclusive.</summary>
internal sealed record AuditFilter(DateOnly? From, DateOnly? To, string? UserId, string? Action, Guid? ClientId)
{
    public IQueryable<AuditRecord> Apply(IQueryable<AuditRecord> records)
    {
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            records = records.Where(r => r.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            records = records.Where(r => r.OccurredAt < end);
        }

        if (!string.IsNullOrWhiteSpace(UserId))
        {
            records = records.Where(r => r.UserId == UserId.Trim());
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
