using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PracticeSuite.Platform.Jobs;
using PracticeSuite.Platform.Modules;
using PracticeSuite.SharedKernel.Hosting.Persistence;

namespace PracticeSuite.Platform.Persistence;

/// <summary>
/// A backup of an embedded (SQLite) deployment's data folder as one zip: the practice database and Hangfire's file,
/// each copied with SQLite's online backup API (consistent while a host writes to them), and the data-protection
/// keys (without them, sign-in cookies and protected values of the backup could not be read). A manifest lists every
/// file with its size and SHA-256, so a restore refuses a damaged archive before it touches anything.
/// </summary>
internal static class EmbeddedBackup
{
    public const int FormatVersion = 1;
    public const string ManifestEntry = "practicesuite-backup.json";
    public const string KeysFolder = "keys";

    private static readonly string[] DatabaseFiles = [PracticeDatabase.SqliteFileName, JobsComposition.SqliteFileName];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes a backup of <paramref name="dataDirectory"/> to <paramref name="destination"/>; returns what it holds.</summary>
    public static BackupManifest Create(string dataDirectory, string destination, DateTime createdAt)
    {
        if (!File.Exists(Path.Combine(dataDirectory, PracticeDatabase.SqliteFileName)))
        {
            throw new BackupException($"there is no practice database ({PracticeDatabase.SqliteFileName}) in {dataDirectory} to back up.");
        }

        var destinationFolder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(destinationFolder);
        var staging = Path.Combine(destinationFolder, $".backup-{Guid.NewGuid():N}");
        var partial = staging + ".zip";
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var name in DatabaseFiles.Where(name => File.Exists(Path.Combine(dataDirectory, name))))
            {
                CopyOnline(Path.Combine(dataDirectory, name), Path.Combine(staging, name));
            }

            var keys = Path.Combine(dataDirectory, KeysFolder);
            if (Directory.Exists(keys))
            {
                Directory.CreateDirectory(Path.Combine(staging, KeysFolder));
                foreach (var key in Directory.GetFiles(keys, "*.xml"))
                {
                    File.Copy(key, Path.Combine(staging, KeysFolder, Path.GetFileName(key)));
                }
            }

            var files = Directory.GetFiles(staging, "*", SearchOption.AllDirectories)
                .Select(path => Describe(staging, path))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
            var manifest = new BackupManifest(FormatVersion, createdAt, files);
            using (var archive = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                foreach (var file in files)
                {
                    archive.CreateEntryFromFile(Path.Combine(staging, file.Name), file.Name, CompressionLevel.Optimal);
                }

                using var manifestStream = archive.CreateEntry(ManifestEntry).Open();
                JsonSerializer.Serialize(manifestStream, manifest, Json);
            }

            // Renamed only once complete: a file with the backup's name is never half-written.
            File.Move(partial, destination, overwrite: true);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the databases and keys in <paramref name="dataDirectory"/> with the backup's, after checking every file
    /// of it; the files it replaces are kept in a <c>before-restore-…</c> folder. A damaged or foreign archive changes nothing.
    /// The caller holds the folder's lock, so no host is running on it.
    /// </summary>
    public static RestoreOutcome Restore(string archivePath, string dataDirectory, DateTime now)
    {
        if (!File.Exists(archivePath))
        {
            throw new BackupException($"the backup file {archivePath} does not exist.");
        }

        Directory.CreateDirectory(dataDirectory);
        var staging = Path.Combine(dataDirectory, $".restore-{Guid.NewGuid():N}");
        try
        {
            var manifest = Extract(archivePath, staging);
            foreach (var database in manifest.Files.Where(f => DatabaseFiles.Contains(f.Name)))
            {
                CheckIntegrity(Path.Combine(staging, database.Name), archivePath);
            }

            var replaced = DatabaseFiles.SelectMany(n => new[] { n, n + "-wal", n + "-shm" }).Append(KeysFolder)
                .Where(name => Path.Exists(Path.Combine(dataDirectory, name)))
                .ToList();
            string? previous = null;
            if (replaced.Count > 0)
            {
                previous = Path.Combine(dataDirectory, $"before-restore-{now:yyyyMMdd-HHmmss-fff}");
                Directory.CreateDirectory(previous);
                foreach (var name in replaced)
                {
                    if (Directory.Exists(Path.Combine(dataDirectory, name)))
                    {
                        Directory.Move(Path.Combine(dataDirectory, name), Path.Combine(previous, name));
                    }
                    else
                    {
                        File.Move(Path.Combine(dataDirectory, name), Path.Combine(previous, name));
                    }
                }
            }

            foreach (var name in DatabaseFiles.Where(n => File.Exists(Path.Combine(staging, n))))
            {
                File.Move(Path.Combine(staging, name), Path.Combine(dataDirectory, name));
            }

            if (Directory.Exists(Path.Combine(staging, KeysFolder)))
            {
                Directory.Move(Path.Combine(staging, KeysFolder), Path.Combine(dataDirectory, KeysFolder));
            }

            return new RestoreOutcome(manifest, previous);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Deletes the oldest backups in <paramref name="folder"/> beyond the newest <paramref name="keep"/>; returns those deleted.</summary>
    public static IReadOnlyList<string> Prune(string folder, string prefix, int keep)
    {
        var old = Directory.GetFiles(folder, prefix + "*.zip")
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal) // names carry a sortable UTC time
            .Skip(keep)
            .ToList();
        old.ForEach(File.Delete);
        return old;
    }

    private static void CopyOnline(string source, string destination)
    {
        // Pooling off: a pooled connection would keep the copy open, and the staging folder could not be deleted.
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ConnectionString);
        from.Open();
        to.Open();
        from.BackupDatabase(to);
        using var journal = to.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode = DELETE"; // one self-contained file, no -wal beside it
        journal.ExecuteNonQuery();
    }

    private static BackupFile Describe(string root, string path)
    {
        using var stream = File.OpenRead(path);
        var name = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
        return new BackupFile(name, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    private static BackupManifest Extract(string archivePath, string staging)
    {
        try
        {
            using var archive = ZipFile.OpenRead(archivePath);
            var manifestEntry = archive.GetEntry(ManifestEntry)
                ?? throw new BackupException($"{archivePath} is not a PracticeSuite backup: it has no {ManifestEntry}.");
            BackupManifest manifest;
            using (var manifestStream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<BackupManifest>(manifestStream, Json)
                    ?? throw new BackupException($"the manifest of {archivePath} is empty.");
            }

            if (manifest.Files is null)
            {
                throw new BackupException($"the manifest of {archivePath} lists no files.");
            }

            if (manifest.Format != FormatVersion)
            {
                throw new BackupException($"{archivePath} is a backup of format {manifest.Format}; this version restores format {FormatVersion}.");
            }

            if (!manifest.Files.Any(f => f.Name == PracticeDatabase.SqliteFileName))
            {
                throw new BackupException($"{archivePath} holds no practice database.");
            }

            foreach (var file in manifest.Files)
            {
                var target = Path.GetFullPath(Path.Combine(staging, file.Name));
                if (!target.StartsWith(Path.GetFullPath(staging) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new BackupException($"{archivePath} names a file outside the data folder ({file.Name}).");
                }

                var entry = archive.GetEntry(file.Name) ?? throw new BackupException($"{archivePath} lacks {file.Name}, which its manifest lists.");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target);
                if (Describe(staging, target) != file)
                {
                    throw new BackupException($"{file.Name} in {archivePath} is damaged: its size or checksum is not the one recorded when the backup was made.");
                }
            }

            return manifest;
        }
        catch (Exception exception) when (exception is InvalidDataException or JsonException or IOException)
        {
            throw new BackupException($"{archivePath} cannot be read as a backup ({exception.Message}).");
        }
    }

    private static void CheckIntegrity(string database, string archivePath)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            if (check.ExecuteScalar() is not "ok" and var result)
            {
                throw new BackupException($"{Path.GetFileName(database)} in {archivePath} fails SQLite's integrity check: {result}");
            }
        }
        catch (SqliteException exception)
        {
            throw new BackupException($"{Path.GetFileName(database)} in {archivePath} is not a readable database ({exception.Message}).");
        }
    }
}

internal sealed record BackupFile(string Name, long Bytes, string Sha256);

internal sealed record BackupManifest(int Format, DateTime CreatedAt, IReadOnlyList<BackupFile> Files);

/// <param name="PreviousFilesFolder">Where the files the restore replaced were moved; null when the folder had none.</param>
internal sealed record RestoreOutcome(BackupManifest Manifest, string? PreviousFilesFolder);

/// <summary>A backup or restore that cannot be done as asked; the message says why.</summary>
internal sealed class BackupException(string message) : Exception(message);
