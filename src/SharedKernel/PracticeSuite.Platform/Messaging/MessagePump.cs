using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Messaging;

namespace PracticeSuite.Platform.Messaging;

/// <summary>
/// Moves messages along: relays every producer's outbox and handles every subscriber's inbox. The worker
/// (woken after a commit, and once at start), the sweep job and tests (<see cref="RunUntilIdleAsync"/>) all drive it; within
/// a process one gate per module and step keeps two of them from doing the same work at once.
/// </summary>
internal sealed class MessagePump(ModuleCatalog modules, IntegrationEventCatalog events, OutboxRelay relay, InboxProcessor inbox, IOptions<MessagingOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One batch per producer and per subscriber; returns how many messages moved.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var producer in modules.Modules.Where(m => m.DbContextTypes.Count > 0))
        {
            moved += await GatedAsync($"relay:{producer.Name}", () => relay.RelayBatchAsync(producer.Name, options.Value.RelayBatchSize, cancellationToken), cancellationToken);
        }

        foreach (var subscriber in events.Subscriptions.Keys.Where(name => modules.Modules.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))))
        {
            moved += await GatedAsync($"inbox:{subscriber}", () => inbox.ProcessBatchAsync(subscriber, cancellationToken), cancellationToken);
        }

        return moved;
    }

    /// <summary>Runs passes until one moves nothing: every due message is relayed and handled (or parked, or waiting for its retry time).</summary>
    public async Task<int> RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int moved;
        do
        {
            moved = await RunPassAsync(cancellationToken);
            total += moved;
        }
        while (moved > 0);

        return total;
    }

    private async Task<int> GatedAsync(string step, Func<Task<int>> work, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(step, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>Wakes the messaging worker when a command's transaction wrote outbox messages.</summary>
internal sealed class MessagingSignal : IOutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void OutboxCommitted(string module)
    {
        MessagingDiagnostics.Write(MessagingDiagnostics.OutboxCommitted, new { Module = module });
        Wake();
    }

    public void Wake()
    {
        lock (_signal)
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);
}

/// <summary>
/// Relays and handles right after a commit in this process, and once at start (what a crash left behind); the sweep
/// job catches everything else.
/// </summary>
internal sealed partial class MessagingWorker(MessagingSignal signal, MessagePump pump, IOptions<MessagingOptions> options, ILogger<MessagingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WakeOnCommit)
        {
            return;
        }

        signal.Wake();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(stoppingToken);
                await pump.RunUntilIdleAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The sweep will pick the work up again; one failed pass must not stop the worker.
                LogPassFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A messaging pass failed; the sweep job will retry")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
