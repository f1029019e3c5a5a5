using MediatR;
using Microsoft.Extensions.Options;
using PracticeSuite.Platform.Jobs;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Persistence;

/// <summary><c>Backup:*</c> settings: the nightly backup of an embedded (SQLite) deployment.</summary>
internal sealed class BackupOptions
{
    /// <summary>Whether the nightly backup runs (on SQLite only; PostgreSQL deployments use the server's own tools).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When, in the clinic's time zone (5-field cron).</summary>
    public string Cron { get; set; } = "0 2 * * *";

    /// <summary>Where backups go; <c>&lt;Storage:DataDirectory&gt;/backups</c> when empty. Point it at another disk.</summary>
    public string? Folder { get; set; }

    /// <summary>How many nightly backups are kept; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 14;

    public string EffectiveFolder(PracticeDatabase database) =>
        string.IsNullOrWhiteSpace(Folder) ? Path.Combine(database.DataDirectory, "backups") : Path.GetFullPath(Folder, database.DataDirectory);
}

/// <summary>Backs up the embedded database, its job file and keys into <c>Backup:Folder</c>, keeping the newest <c>Backup:Keep</c>.</summary>
internal sealed record BackUpEmbeddedDatabase : ICommand;

internal sealed partial class BackUpEmbeddedDatabaseHandler(
    PracticeDatabase database, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackUpEmbeddedDatabaseHandler> logger)
    : IRequestHandler<BackUpEmbeddedDatabase, Unit>
{
    public const string FilePrefix = "practicesuite-";
    public const string JobName = "backup";

    public static DeclaredJob RecurringJob(BackupOptions options) =>
        DeclaredJob.OnCron<BackUpEmbeddedDatabase>(JobsComposition.PlatformGroup, JobName, options.Cron,
            "Backs up the embedded database, the job file and the data-protection keys, keeping the newest few.");

    public Task<Unit> Handle(BackUpEmbeddedDatabase request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = settings.EffectiveFolder(database);
        var now = time.GetUtcNow().UtcDateTime;
        var path = Path.Combine(folder, $"{FilePrefix}{now:yyyyMMdd-HHmmss}Z.zip");
        var manifest = EmbeddedBackup.Create(database.DataDirectory, path, now);
        var deleted = EmbeddedBackup.Prune(folder, FilePrefix, settings.Keep);
        LogBackedUp(logger, path, manifest.Files.Sum(f => f.Bytes), deleted.Count);
        return Task.FromResult(Unit.Value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the embedded database to {Path} ({Bytes} bytes before compression); deleted {Deleted} older backup(s)")]
    private static partial void LogBackedUp(ILogger logger, string path, long bytes, int deleted);
}
