using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// The module transaction running in this scope, if any. A platform service that writes its own tables while
/// a command runs (the audit trail, accounts, the e-mail queue) enlists in it, so its rows commit or roll back
/// with the command's — and on SQLite it does not wait for a write lock the command itself holds.
/// </summary>
public sealed class UnitOfWorkContext
{
    private readonly List<Action> _afterCommit = [];

    public ModuleDbContext? Current { get; private set; }

    /// <summary>
    /// Runs <paramref name="action"/> once the running unit of work has committed (at once without one), and
    /// never if it rolls back: a wake-up for work the transaction queued must not come before that work is visible.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (Current?.Database.CurrentTransaction is null)
        {
            action();
            return;
        }

        _afterCommit.Add(action);
    }

    /// <summary>Called by whoever committed the unit of work's transaction.</summary>
    public void Committed()
    {
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            action();
        }
    }

    /// <summary>Marks <paramref name="db"/>'s open transaction as this scope's unit of work until the result is disposed.</summary>
    public IDisposable Begin(ModuleDbContext db)
    {
        var previous = Current;
        Current = db;
        return new Restore(this, previous);
    }

    /// <summary>
    /// Points <paramref name="other"/> at the running unit of work's connection and transaction; a no-op without one.
    /// Call before <paramref name="other"/> saves; <see cref="LeaveAsync"/> afterwards.
    /// </summary>
    public async Task<bool> EnlistAsync(DbContext other, CancellationToken cancellationToken)
    {
        if (Current?.Database.CurrentTransaction is not { } transaction || ReferenceEquals(other, Current) || other.Database.CurrentTransaction is not null)
        {
            return false;
        }

        var connection = Current.Database.GetDbConnection();
        if (!ReferenceEquals(other.Database.GetDbConnection(), connection))
        {
            // Allowed only while the context's own connection is closed, which EF Core ensures between operations.
            other.Database.SetDbConnection(connection, contextOwnsConnection: false);
        }

        await other.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        return true;
    }

    /// <summary>Detaches <paramref name="other"/> from the unit of work's transaction (the unit of work commits it).</summary>
    public static Task LeaveAsync(DbContext other, CancellationToken cancellationToken) =>
        other.Database.UseTransactionAsync(null, cancellationToken);

    private sealed class Restore(UnitOfWorkContext context, ModuleDbContext? previous) : IDisposable
    {
        public void Dispose()
        {
            context.Current = previous;
            if (previous is null)
            {
                context._afterCommit.Clear(); // not committed: rolled back or failed
            }
        }
    }
}
