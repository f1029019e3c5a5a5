using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Audit;

/// <summary>
/// Stores read entries with group commit: entries that arrive while a batch is being written wait and go together
/// in the next transaction, so concurrent readers share one database write (SQLite has a single writer) instead of
/// queueing for one write each. Each caller's task completes only once its own entry is committed.
/// </summary>
internal sealed partial class AuditWriter(DbContextOptions<AccountsDbContext> options, ILogger<AuditWriter> logger) : IAsyncDisposable
{
    private const int MaxBatch = 500;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;
    private long _transactions;

    /// <summary>How many transactions stored entries so far: fewer than the entries when requests came together.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    public Task WriteAsync(AuditRecord record)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit trail is shutting down; the entry was not stored.");
        }

        EnsureRunning();
        return pending.Committed.Task;
    }

    // Started on first use rather than as a hosted service: start-up work (seeding) is audited before hosted services run.
    private void EnsureRunning()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _loop ??= Task.Run(WriteBatchesAsync);
        }
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await using var db = new AccountsDbContext(options, new UnitOfWorkContext());
                db.AuditRecords.AddRange(batch.Select(p => p.Record));
                await db.SaveChangesAsync();
                Interlocked.Increment(ref _transactions);
                batch.ForEach(p => p.Committed.SetResult());
            }
            catch (Exception failure)
            {
                LogBatchFailed(failure, batch.Count);
                batch.ForEach(p => p.Committed.SetException(failure));
            }

            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} audit entries failed; their requests fail too")]
    private partial void LogBatchFailed(Exception failure, int count);

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Committed);
}
