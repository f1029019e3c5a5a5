using Microsoft.EntityFrameworkCore;
using PracticeSuite.Modules.Scheduling.Infrastructure;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Modules.Scheduling.Application;

/// <summary>
/// Serialises bookings that touch the same therapist, room or client, inside the booking's own transaction, so that the
/// conflict check and the insert after it cannot interleave with another booking's (ADR 0025). On PostgreSQL each
/// resource takes a transaction-scoped advisory lock, in a fixed order so two bookings never wait on each other. On
/// SQLite every command's transaction already begins IMMEDIATE and holds the database's one write lock.
/// </summary>
internal static class ResourceLocks
{
    public static async Task AcquireAsync(SchedulingDbContext db, IEnumerable<Guid> resourceIds, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Resource locks are taken inside the command's transaction.");
        }

        if (db.Naming.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        foreach (var key in resourceIds.Distinct().Select(LockKey).Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }
    }

    /// <summary>A 64-bit key for a resource id. Two ids sharing a key only make their bookings wait for each other.</summary>
    public static long LockKey(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
