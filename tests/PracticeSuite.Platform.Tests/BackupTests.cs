using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// <c>--backup</c> and <c>--restore</c> on an embedded deployment, run as an operator would: a backup taken while the
/// host runs restores into a fresh folder with every record and key; a damaged backup, or a folder a host holds, is refused
/// with a message and nothing changes.
/// </summary>
public sealed class BackupTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = HostProcess.StartTimeout;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "practicesuite-backups", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null, "backup");
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_while_the_host_runs_restores_into_a_fresh_folder_and_the_host_starts_on_it_with_every_record()
    {
        var backup = Path.Combine(_work, $"{Guid.NewGuid():N}.zip");
        string[] visitors = ["Ada Lovelace", "Grace Hopper", "Edsger Dijkstra"];
        await using (var running = await HostProcess.StartAsync(Arguments(_database.DataDirectory), Timeout))
        {
            foreach (var visitor in visitors)
            {
                (await running.Client.PostAsJsonAsync("/api/alpha/visits", new { visitorName = visitor, fee = 45m, currency = "EUR" }, Ct)).EnsureSuccessStatusCode();
            }

            // A page with a form makes the first data-protection key, which the backup must carry.
            (await running.Client.GetAsync("/Account/Login", Ct)).EnsureSuccessStatusCode();

            var taken = await HostProcess.RunToExitAsync(Arguments(_database.DataDirectory).Concat(["--backup", backup]), Timeout);
            Assert.True(taken.ExitCode == 0, taken.StandardError);
            Assert.StartsWith($"Backed up {_database.DataDirectory} to {Path.GetFullPath(backup)}: hangfire.db, keys/key-", taken.StandardOutput);
            Assert.False(running.Process.HasExited); // the host ran on during the backup
        }

        var fresh = Path.Combine(_work, $"restored-{Guid.NewGuid():N}");
        var restored = await HostProcess.RunToExitAsync(Arguments(fresh).Concat(["--restore", backup]), Timeout);
        Assert.True(restored.ExitCode == 0, restored.StandardError);
        Assert.DoesNotContain("before-restore", restored.StandardOutput); // a fresh folder had nothing to set aside

        var originalKeys = Directory.GetFiles(Path.Combine(_database.DataDirectory, "keys")).Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(originalKeys);
        Assert.Equal(originalKeys, Directory.GetFiles(Path.Combine(fresh, "keys")).Select(Path.GetFileName).Order().ToList());

        await using var onRestored = await HostProcess.StartAsync(Arguments(fresh), Timeout);
        var visits = await onRestored.Client.GetFromJsonAsync<JsonElement>("/api/alpha/visits", Ct);
        Assert.Equal(visitors, visits.EnumerateArray().Select(v => v.GetProperty("visitorName").GetString()).ToArray());
        Assert.All(visits.EnumerateArray(), v => Assert.Equal(4500, v.GetProperty("feeMinorUnits").GetInt64()));
    }

    [Fact]
    public async Task Restoring_over_an_existing_folder_sets_its_files_aside()
    {
        Assert.Equal(0, (await HostProcess.RunToExitAsync(Arguments(_database.DataDirectory).Append("--migrate-only"), Timeout)).ExitCode);
        var backup = Path.Combine(_work, $"{Guid.NewGuid():N}.zip");
        Assert.Equal(0, (await HostProcess.RunToExitAsync(Arguments(_database.DataDirectory).Concat(["--backup", backup]), Timeout)).ExitCode);
        var before = Hash(Path.Combine(_database.DataDirectory, "practicesuite.db"));

        var restored = await HostProcess.RunToExitAsync(Arguments(_database.DataDirectory).Concat(["--restore", backup]), Timeout);

        Assert.True(restored.ExitCode == 0, restored.StandardError);
        var setAside = Assert.Single(Directory.GetDirectories(_database.DataDirectory, "before-restore-*"));
        Assert.Equal(before, Hash(Path.Combine(setAside, "practicesuite.db")));
        Assert.True(File.Exists(Path.Combine(_database.DataDirectory, "practicesuite.db")));
    }

    [Fact]
    public async Task A_restore_is_refused_while_a_host_holds_the_folder()
    {
        var backup = Path.Combine(_work, $"{Guid.NewGuid():N}.zip");
        await using var running = await HostProcess.StartAsync(Arguments(_database.DataDirectory), Timeout);
        Assert.Equal(0, (await HostProcess.RunToExitAsync(Arguments(_database.DataDirectory).Concat(["--backup", backup]), Timeout)).ExitCode);

        var refused = await HostProcess.RunToExitAsync(Arguments(_database.DataDirectory).Concat(["--restore", backup]), Timeout);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"PracticeSuite cannot restore: another PracticeSuite host is using the data folder {_database.DataDirectory}", refused.StandardError);
        Assert.Empty(Directory.GetDirectories(_database.DataDirectory, "before-restore-*"));
    }

    [Theory]
    [InlineData("not a zip")]
    [InlineData("truncated")]
    [InlineData("database altered")]
    [InlineData("no manifest")]
    public async Task A_damaged_backup_is_refused_and_the_folder_is_left_untouched(string damage)
    {
        Assert.Equal(0, (await HostProcess.RunToExitAsync(Arguments(_database.DataDirectory).Append("--migrate-only"), Timeout)).ExitCode);
        var good = Path.Combine(_work, $"{Guid.NewGuid():N}.zip");
        Assert.Equal(0, (await HostProcess.RunToExitAsync(Arguments(_database.DataDirectory).Concat(["--backup", good]), Timeout)).ExitCode);
        var bad = Path.Combine(_work, $"{Guid.NewGuid():N}-damaged.zip");
        var expected = Damage(good, bad, damage).Replace("{file}", Path.GetFullPath(bad), StringComparison.Ordinal);
        var before = Snapshot(_database.DataDirectory);

        var refused = await HostProcess.RunToExitAsync(Arguments(_database.DataDirectory).Concat(["--restore", bad]), Timeout);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"PracticeSuite cannot restore: {expected}", refused.StandardError);
        Assert.Equal(before, Snapshot(_database.DataDirectory));
    }

    /// <summary>Writes a damaged copy of <paramref name="good"/>; returns the refusal it must get (<c>{file}</c>: its path).</summary>
    private static string Damage(string good, string bad, string damage)
    {
        var bytes = File.ReadAllBytes(good);
        switch (damage)
        {
            case "not a zip":
                File.WriteAllText(bad, "This is a letter, not a backup.");
                return "{file} cannot be read as a backup (";
            case "truncated":
                File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);
                return "{file} cannot be read as a backup (";
            case "no manifest":
                File.Copy(good, bad);
                using (var archive = System.IO.Compression.ZipFile.Open(bad, System.IO.Compression.ZipArchiveMode.Update))
                {
                    archive.GetEntry("practicesuite-backup.json")!.Delete();
                }

                return "{file} is not a PracticeSuite backup: it has no practicesuite-backup.json.";
            default:
                // Rewritten inside the archive with a valid zip checksum: only the manifest's SHA-256 can tell.
                File.Copy(good, bad);
                using (var archive = System.IO.Compression.ZipFile.Open(bad, System.IO.Compression.ZipArchiveMode.Update))
                {
                    var entry = archive.GetEntry("practicesuite.db")!;
                    byte[] content;
                    using (var read = entry.Open())
                    using (var copy = new MemoryStream())
                    {
                        read.CopyTo(copy);
                        content = copy.ToArray();
                    }

                    content[^100] ^= 0xFF;
                    entry.Delete();
                    using var write = archive.CreateEntry("practicesuite.db").Open();
                    write.Write(content);
                }

                return "practicesuite.db in {file} is damaged: its size or checksum is not the one recorded when the backup was made.";
        }
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith("practicesuite.lock", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetRelativePath(folder, path), path => File.Exists(path) ? Hash(path) : "folder");

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static IEnumerable<string> Arguments(string dataDirectory) =>
        ["--Database:Provider=Sqlite", $"--Storage:DataDirectory={Path.GetFullPath(dataDirectory)}",
            "--Modules:Alpha:Enabled=true", "--Modules:Beta:Enabled=true", "--Modules:Gamma:Enabled=true"];
}
