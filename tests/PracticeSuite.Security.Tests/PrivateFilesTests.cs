using Xunit;
using PracticeSuite.Testing;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// The data folder holds health records and the keys that protect sign-in cookies: on Unix only the host's user may
/// open them (issue 16, defect 13). A host process starts on a fresh folder, serves a page (which creates the keys)
/// and is inspected.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_data_folder_is_0700_and_the_database_keys_and_their_files_0600()
    {
        var folder = Path.Combine(Path.GetTempPath(), "practicesuite-modes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder); // as an operator might, with the default 0755
        try
        {
            await using (var host = await HostProcess.StartAsync(
                ["--Database:Provider=Sqlite", $"--Storage:DataDirectory={folder}", "--Modules:Alpha:Enabled=false", "--Modules:Beta:Enabled=false"],
                HostProcess.StartTimeout))
            {
                (await host.Client.GetAsync("/Account/Login", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode(); // protects a token: creates the key ring
            }

            Assert.Equal(Folder, System.IO.File.GetUnixFileMode(folder));
            var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            Assert.Contains(files, f => f.EndsWith("practicesuite.db", StringComparison.Ordinal));
            Assert.Contains(files, f => Path.GetFileName(Path.GetDirectoryName(f)) == "keys" && f.EndsWith(".xml", StringComparison.Ordinal));
            Assert.All(files, f => Assert.True(System.IO.File.GetUnixFileMode(f) == File, $"{f} is {System.IO.File.GetUnixFileMode(f)}"));
            Assert.All(Directory.GetDirectories(folder, "*", SearchOption.AllDirectories),
                d => Assert.True(System.IO.File.GetUnixFileMode(d) == Folder, $"{d} is {System.IO.File.GetUnixFileMode(d)}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
