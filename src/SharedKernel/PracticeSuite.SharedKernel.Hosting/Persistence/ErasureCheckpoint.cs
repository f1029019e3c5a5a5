using Microsoft.Extensions.Logging;

namespace PracticeSuite.SharedKernel.Hosting.Persistence;

/// <summary>
/// What a module's erasure asks for so that the erased bytes leave the disk, not only the rows (ADR 0018): once the
/// running unit of work has committed, SQLite's write-ahead log is emptied into the database file, where
/// <c>secure_delete</c> has already zeroed what the erasure removed. A no-op on PostgreSQL.
/// </summary>
public sealed partial class ErasureCheckpoint(PracticeDatabase database, UnitOfWorkContext unitOfWork, ILogger<ErasureCheckpoint> logger)
{
    /// <summary>Call from the erasing command (or event handler); the checkpoint runs after its transaction commits.</summary>
    public void AfterCommit() => unitOfWork.AfterCommit(Run);

    private void Run()
    {
        if (!database.TruncateWriteAheadLog())
        {
            // The erasure stands; SQLite's own checkpoints overwrite the log later, and the next erasure tries again.
            LogBusy(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "After an erasure the SQLite write-ahead log could not be emptied (readers were busy); it still holds the erased pages until it is reused")]
    private static partial void LogBusy(ILogger logger);
}
