using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Persistence;

/// <summary>
/// <c>--backup &lt;file&gt;</c> and <c>--restore &lt;file&gt;</c>: run instead of the host, with the host's configuration
/// (appsettings, environment, command line) for <c>Storage:DataDirectory</c> and <c>Database:Provider</c>. A backup
/// may be taken while a host runs on the folder; a restore refuses to run while one does.
/// </summary>
public static class BackupCommandLine
{
    public const string BackupSwitch = "--backup";
    public const string RestoreSwitch = "--restore";

    /// <summary>Whether <paramref name="args"/> ask for a backup or a restore.</summary>
    public static bool IsRequested(string[] args) => args.Contains(BackupSwitch) || args.Contains(RestoreSwitch);

    /// <summary>Runs the backup or restore; returns the process's exit code (0 done, 1 refused, with a message on standard error).</summary>
    public static int Run(string[] args)
    {
        var backup = args.Contains(BackupSwitch);
        var verb = backup ? "back up" : "restore";
        var position = Array.IndexOf(args, backup ? BackupSwitch : RestoreSwitch);
        if (position + 1 >= args.Length || args[position + 1].StartsWith("--", StringComparison.Ordinal))
        {
            return Refuse(verb, $"{args[position]} needs the backup file's path after it, e.g. {args[position]} /var/backups/practicesuite.zip");
        }

        if (args.Contains(BackupSwitch) && args.Contains(RestoreSwitch))
        {
            return Refuse(verb, $"give {BackupSwitch} or {RestoreSwitch}, not both.");
        }

        var file = Path.GetFullPath(args[position + 1]);
        var rest = args.Where((_, i) => i != position && i != position + 1).ToArray();
        var builder = WebApplication.CreateSlimBuilder(rest);
        PracticeDatabase database;
        try
        {
            database = PracticeDatabase.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        }
        catch (InvalidOperationException exception)
        {
            return Refuse(verb, exception.Message);
        }

        using (database)
        {
            if (database.Provider != DatabaseProvider.Sqlite)
            {
                return Refuse(verb, "the practice database is on PostgreSQL, which this command does not " + verb +
                    ": use the server's own tools (pg_dump and pg_restore; see the README's Backups section).");
            }

            try
            {
                if (backup)
                {
                    var manifest = EmbeddedBackup.Create(database.DataDirectory, file, TimeProvider.System.GetUtcNow().UtcDateTime);
                    Console.WriteLine($"Backed up {database.DataDirectory} to {file}: {string.Join(", ", manifest.Files.Select(f => f.Name))}.");
                    return 0;
                }

                using var folderLock = DataFolderLock.Acquire(database.DataDirectory);
                var outcome = EmbeddedBackup.Restore(file, database.DataDirectory, TimeProvider.System.GetUtcNow().UtcDateTime);
                Console.WriteLine($"Restored {file} (taken {outcome.Manifest.CreatedAt:u}) into {database.DataDirectory}" +
                    (outcome.PreviousFilesFolder is { } previous ? $"; the files it replaced are in {previous}." : "."));
                return 0;
            }
            catch (Exception exception) when (exception is BackupException or StartupConfigurationException)
            {
                return Refuse(verb, exception.Message);
            }
        }
    }

    private static int Refuse(string verb, string reason)
    {
        Console.Error.WriteLine($"PracticeSuite cannot {verb}: {reason}");
        return 1;
    }
}
