using Autofac;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Jobs;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;

// The SQL here interpolates only table names taken from the EF model; every value is a parameter.
#pragma warning disable EF1002, EF1003

namespace PracticeSuite.Platform.Messaging;

/// <summary>
/// Copies a producer's unrelayed outbox messages into every subscriber's inbox and marks them relayed, in
/// one transaction: set-based inserts that ignore duplicates by the inbox key, so a repeated relay (after a
/// crash, or on a second node) is harmless, and a message is marked only when every inbox has it. A command the
/// module asked to run later is handed to the job engine instead, before the mark; the job runs it once even when
/// a crash before the mark makes the relay hand it over again.
/// </summary>
internal sealed class OutboxRelay(
    ILifetimeScope root, ModuleCatalog modules, IntegrationEventCatalog events, PracticeDatabase database, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>Relays one batch of <paramref name="producer"/>'s outbox; returns how many messages it relayed.</summary>
    public async Task<int> RelayBatchAsync(string producer, int batchSize, CancellationToken cancellationToken)
    {
        if (!await database.AnyRowAsync(producer, MessagingModel.OutboxTable, "\"RelayedAt\" IS NULL", cancellationToken))
        {
            return 0;
        }

        await using var scope = root.BeginLifetimeScope();
        if (!scope.TryResolveKeyed<ModuleDbContext>(producer, out var producerDb))
        {
            return 0;
        }

        var outbox = MessageStore.Outbox(producerDb);
        await using var transaction = await producerDb.Database.BeginTransactionAsync(cancellationToken);
        // No ORDER BY: sorting every unrelayed row to take the first few made each batch cost as much as the
        // whole backlog. The index on RelayedAt yields them in about insertion order, and the inbox handles
        // its messages in id order whatever order they arrive in.
        var batch = await producerDb.Database
            .SqlQueryRaw<PendingMessage>(
                $"SELECT \"Id\", \"Type\" FROM {outbox} WHERE \"RelayedAt\" IS NULL LIMIT {{0}}{MessageStore.LockClause(producerDb)}",
                batchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var ids = batch.Select(m => m.Id).ToList();
        var types = batch.Select(m => m.Type).ToHashSet(StringComparer.Ordinal);
        foreach (var (subscriber, subscribedTypes) in events.Subscriptions)
        {
            var wanted = types.Where(subscribedTypes.Contains).ToList();
            if (wanted.Count == 0 || !modules.Modules.Any(m => string.Equals(m.Name, subscriber, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var subscriberDb = scope.ResolveKeyed<ModuleDbContext>(subscriber);
            var inbox = MessageStore.Inbox(subscriberDb);
            await producerDb.Database.ExecuteSqlRawAsync(
                $$"""
                INSERT INTO {{inbox}} ("MessageId", "Type", "Payload", "CorrelationId", "OccurredAt", "ReceivedAt", "Attempts", "NextAttemptAt")
                SELECT "Id", "Type", "Payload", "CorrelationId", "OccurredAt", {0}, 0, {0} FROM {{outbox}}
                WHERE {{MessageStore.InIds(producerDb, "Id", "{1}")}} AND {{MessageStore.InTexts(producerDb, "Type", "{2}")}}
                ON CONFLICT ("MessageId") DO NOTHING
                """,
                [now, MessageStore.IdsParameter(producerDb, ids), MessageStore.TextsParameter(producerDb, wanted)],
                cancellationToken);
        }

        if (batch.Any(m => DeferredCommands.IsDeferredCommand(m.Type)))
        {
            await HandOverDeferredCommandsAsync(producer, producerDb, ids, cancellationToken);
        }

        await producerDb.Database.ExecuteSqlRawAsync(
            $"UPDATE {outbox} SET \"RelayedAt\" = {{0}} WHERE {MessageStore.InIds(producerDb, "Id", "{1}")}",
            [now, MessageStore.IdsParameter(producerDb, ids)],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        MessagingDiagnostics.Write(MessagingDiagnostics.Relayed, new { Producer = producer, Count = batch.Count });
        return batch.Count;
    }

    private async Task HandOverDeferredCommandsAsync(string producer, ModuleDbContext producerDb, List<Guid> ids, CancellationToken cancellationToken)
    {
        var commands = await producerDb.Outbox.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.Type.StartsWith(DeferredCommands.TypePrefix))
            .Select(m => new { m.Id, m.Type, m.Payload, m.CorrelationId })
            .ToListAsync(cancellationToken);
        foreach (var command in commands)
        {
            var name = DeferredCommands.CommandName(command.Type);
            jobs.Enqueue<DeferredCommandJob>(job => job.RunAsync(producer, name, command.Id, command.Type, command.Payload, command.CorrelationId, null, CancellationToken.None));
        }

        // Handed over, not yet marked: a crash test stops the process here to prove the job still runs once.
        MessagingDiagnostics.Write(MessagingDiagnostics.JobsHandedOver, new { Producer = producer, Count = commands.Count });
    }

    private sealed class PendingMessage
    {
        public Guid Id { get; set; }

        public string Type { get; set; } = "";
    }
}
