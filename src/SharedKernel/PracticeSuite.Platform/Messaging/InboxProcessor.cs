using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Autofac;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Hosting.Messaging;
using PracticeSuite.SharedKernel.Hosting.Persistence;

// The SQL here interpolates only table names taken from the EF model; every value is a parameter.
#pragma warning disable EF1002, EF1003

namespace PracticeSuite.Platform.Messaging;

/// <summary>
/// Handles a subscriber module's due inbox messages in the module's own transaction: the handlers' writes
/// and the "processed" marks commit together, so each message's effects are committed exactly once. A batch
/// is tried whole first; if a handler fails, the batch is redone message by message behind savepoints, and
/// the failing message is retried later with backoff, then parked. A message whose type is unknown or whose
/// payload no longer reads is parked at once with the reason, without blocking those behind it.
/// </summary>
internal sealed partial class InboxProcessor(
    ILifetimeScope root,
    ModuleCatalog modules,
    IntegrationEventCatalog events,
    PracticeDatabase database,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<InboxProcessor> logger)
{
    private static readonly ConcurrentDictionary<Type, Func<object, object, IntegrationEventContext, CancellationToken, Task>> Invokers = new();

    /// <summary>Handles one batch of <paramref name="subscriber"/>'s due messages; returns how many it took (handled, retried or parked).</summary>
    public async Task<int> ProcessBatchAsync(string subscriber, CancellationToken cancellationToken)
    {
        var module = modules.Modules.Single(m => string.Equals(m.Name, subscriber, StringComparison.OrdinalIgnoreCase));
        // Waiting messages, due or not: a superset of what the batch below takes.
        if (!await database.AnyRowAsync(module.Name, MessagingModel.InboxTable, "\"ProcessedAt\" IS NULL AND \"ParkedAt\" IS NULL", cancellationToken))
        {
            return 0;
        }

        await using var scope = root.BeginLifetimeScope();
        var db = scope.ResolveKeyed<ModuleDbContext>(module.Name);
        var mediator = scope.Resolve<IMediator>();
        var now = time.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unitOfWork = scope.Resolve<UnitOfWorkContext>();
        using var current = unitOfWork.Begin(db); // platform services the handlers call write in this transaction too
        var batch = await db.Inbox
            .FromSqlRaw(
                $"SELECT * FROM {MessageStore.Inbox(db)} WHERE \"ProcessedAt\" IS NULL AND \"ParkedAt\" IS NULL AND \"NextAttemptAt\" <= {{0}} " +
                $"ORDER BY \"MessageId\" LIMIT {{1}}{MessageStore.LockClause(db)}",
                now, options.Value.InboxBatchSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        await HandleBatchAsync(scope, module, db, mediator, transaction, batch, now, cancellationToken);

        // Observed before the commit: a crash test stops the process here to prove nothing half-commits.
        MessagingDiagnostics.Write(MessagingDiagnostics.InboxBatchHandled, new { Subscriber = module.Name, Count = batch.Count });
        await transaction.CommitAsync(cancellationToken);
        unitOfWork.Committed();
        return batch.Count;
    }

    /// <summary>
    /// Handles the messages together behind one savepoint. When a handler fails, everything since the savepoint
    /// is undone, that one message is recorded as failed, and the rest are tried together again: a failing
    /// message is handled once per pass, and the others still commit in one go.
    /// </summary>
    private async Task HandleBatchAsync(
        ILifetimeScope scope, LoadedModule module, ModuleDbContext db, IMediator mediator, IDbContextTransaction transaction,
        IReadOnlyList<InboxMessage> batch, DateTime now, CancellationToken cancellationToken)
    {
        var remaining = batch.ToList();
        while (remaining.Count > 0)
        {
            await transaction.CreateSavepointAsync("batch", cancellationToken);
            var handled = 0;
            try
            {
                foreach (var message in remaining)
                {
                    await HandleAsync(scope, module, message, cancellationToken);
                    handled++;
                }

                await DomainEventDispatch.SaveAndDispatchAsync(db, mediator, cancellationToken);
                await MarkProcessedAsync(db, remaining.Select(m => m.MessageId).ToList(), now, cancellationToken);
                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync("batch", cancellationToken);
                db.ChangeTracker.Clear();
                if (handled < remaining.Count)
                {
                    await RecordFailureAsync(db, module.Name, remaining[handled], failure, now, cancellationToken);
                    remaining.RemoveAt(handled);
                }
                else
                {
                    // Saving failed, not a handler: no single culprit, so take the messages one at a time.
                    await ProcessOneByOneAsync(scope, module, db, mediator, transaction, remaining, now, cancellationToken);
                    return;
                }
            }
        }
    }

    private async Task ProcessOneByOneAsync(
        ILifetimeScope scope, LoadedModule module, ModuleDbContext db, IMediator mediator, IDbContextTransaction transaction,
        IReadOnlyList<InboxMessage> batch, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            await transaction.CreateSavepointAsync("message", cancellationToken);
            try
            {
                await HandleAsync(scope, module, message, cancellationToken);
                await DomainEventDispatch.SaveAndDispatchAsync(db, mediator, cancellationToken);
                await MarkProcessedAsync(db, [message.MessageId], now, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync("message", cancellationToken);
                db.ChangeTracker.Clear();
                await RecordFailureAsync(db, module.Name, message, failure, now, cancellationToken);
            }
        }
    }

    private async Task HandleAsync(ILifetimeScope scope, LoadedModule module, InboxMessage message, CancellationToken cancellationToken)
    {
        var eventType = events.EventType(message.Type)
            ?? throw new PoisonMessageException($"Unknown event type '{message.Type}': no loaded module declares it.");
        object integrationEvent;
        try
        {
            integrationEvent = JsonSerializer.Deserialize(message.Payload, eventType, IntegrationEventNames.Json)
                ?? throw new PoisonMessageException($"The payload of '{message.Type}' is empty.");
        }
        catch (JsonException exception)
        {
            throw new PoisonMessageException($"The payload of '{message.Type}' no longer deserialises as {eventType.Name}: {exception.Message}");
        }

        var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);
        var handlers = ((IEnumerable<object>)scope.Resolve(typeof(IEnumerable<>).MakeGenericType(handlerType)))
            .Where(h => h.GetType().Assembly == module.Assembly) // a module handles only its own inbox
            .ToList();
        if (handlers.Count == 0)
        {
            throw new PoisonMessageException($"Module '{module.Name}' has no handler for '{message.Type}'.");
        }

        var context = new IntegrationEventContext(message.MessageId, message.CorrelationId, message.OccurredAt);
        using var trace = TraceContext.Continue($"inbox {message.Type}", message.CorrelationId);
        using var system = SystemPrincipal.Enter(); // an event is handled by the module, not on anyone's behalf
        var invoke = Invokers.GetOrAdd(eventType, CreateInvoker);
        foreach (var handler in handlers)
        {
            await invoke(handler, integrationEvent, context, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(ModuleDbContext db, string module, InboxMessage message, Exception failure, DateTime now, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var poison = failure is PoisonMessageException;
        var park = poison || attempts >= options.Value.MaxAttempts;
        var error = poison ? failure.Message : $"{failure.GetType().Name}: {failure.Message}";
        if (error.Length > 2000)
        {
            error = error[..2000];
        }

        DateTime? parkedAt = park ? now : null;
        var nextAttempt = park ? now : now + options.Value.RetryDelay(attempts);
        await db.Inbox.Where(m => m.MessageId == message.MessageId).ExecuteUpdateAsync(
            set => set
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, nextAttempt)
                .SetProperty(m => m.ParkedAt, parkedAt),
            cancellationToken);
        if (park)
        {
            LogParked(logger, failure, message.MessageId, message.Type, module, attempts);
        }
        else
        {
            LogRetrying(logger, message.MessageId, message.Type, module, attempts, failure.Message);
        }
    }

    private static Task<int> MarkProcessedAsync(ModuleDbContext db, IReadOnlyCollection<Guid> ids, DateTime now, CancellationToken cancellationToken) =>
        db.Inbox.Where(m => ids.Contains(m.MessageId)).ExecuteUpdateAsync(set => set.SetProperty(m => m.ProcessedAt, now), cancellationToken);

    private static Func<object, object, IntegrationEventContext, CancellationToken, Task> CreateInvoker(Type eventType) =>
        (Func<object, object, IntegrationEventContext, CancellationToken, Task>)typeof(InboxProcessor)
            .GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate(typeof(Func<object, object, IntegrationEventContext, CancellationToken, Task>));

    private static Task Invoke<TEvent>(object handler, object integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
        where TEvent : SharedKernel.Messaging.IIntegrationEvent =>
        ((IIntegrationEventHandler<TEvent>)handler).HandleAsync((TEvent)integrationEvent, context, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parked message {MessageId} ({Type}) for module {Module} after {Attempts} attempt(s)")]
    private static partial void LogParked(ILogger logger, Exception exception, Guid messageId, string type, string module, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({Type}) for module {Module} failed (attempt {Attempts}); it will be retried: {Reason}")]
    private static partial void LogRetrying(ILogger logger, Guid messageId, string type, string module, int attempts, string reason);

    /// <summary>A message that can never succeed as it stands: parked at once.</summary>
    private sealed class PoisonMessageException(string message) : Exception(message);
}
