using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Errors;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Messaging;

/// <summary>A message that stopped being retried, with why.</summary>
internal sealed record ParkedMessage(string Module, Guid MessageId, string Type, int Attempts, string? LastError, DateTime OccurredAt, DateTime ParkedAt, string CorrelationId);

/// <summary>What an operator sees of parked messages, and the hand retry after a fix.</summary>
internal sealed class ParkedMessages(ILifetimeScope root, ModuleCatalog modules, IntegrationEventCatalog events, MessagingSignal signal, TimeProvider time)
{
    public async Task<IReadOnlyList<ParkedMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var parked = new List<ParkedMessage>();
        await using var scope = root.BeginLifetimeScope();
        foreach (var module in SubscriberModules())
        {
            var db = scope.ResolveKeyed<ModuleDbContext>(module);
            parked.AddRange(await db.Inbox.AsNoTracking()
                .Where(m => m.ParkedAt != null && m.ProcessedAt == null)
                .OrderBy(m => m.MessageId)
                .Select(m => new ParkedMessage(module, m.MessageId, m.Type, m.Attempts, m.LastError, m.OccurredAt, m.ParkedAt!.Value, m.CorrelationId))
                .ToListAsync(cancellationToken));
        }

        return parked;
    }

    /// <summary>Puts a parked message back in line with a fresh set of attempts, and wakes the worker.</summary>
    public async Task RetryAsync(string module, Guid messageId, CancellationToken cancellationToken)
    {
        var subscriber = SubscriberModules().FirstOrDefault(m => string.Equals(m, module, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException("Module", module);
        await using var scope = root.BeginLifetimeScope();
        var db = scope.ResolveKeyed<ModuleDbContext>(subscriber);
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.Inbox
            .Where(m => m.MessageId == messageId && m.ParkedAt != null && m.ProcessedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.ParkedAt, (DateTime?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        if (updated == 0)
        {
            throw new NotFoundException("Parked message", messageId);
        }

        signal.Wake();
    }

    private IEnumerable<string> SubscriberModules() =>
        modules.Modules.Where(m => m.DbContextTypes.Count > 0 && events.Subscriptions.ContainsKey(m.Name)).Select(m => m.Name);
}
