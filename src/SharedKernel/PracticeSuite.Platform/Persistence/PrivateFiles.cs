using System.Runtime.InteropServices;

namespace PracticeSuite.Platform.Persistence;

/// <summary>
/// Health records live in the data folder (the SQLite files, the data-protection keys, mail, backups): on Unix the
/// host creates every file for its own user only (umask 077: files 0600, folders 0700), and the data folder itself is
/// made 0700 even when it existed before (issue 16, defect 13). Windows keeps its folder's access list.
/// </summary>
internal static partial class PrivateFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>From now on this process creates files and folders that only its user can open.</summary>
    public static void ForThisProcess()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = SetUmask(0b000_111_111); // octal 077
        }
    }

    /// <summary>Creates the folder if needed and leaves it open to its owner only.</summary>
    public static void Folder(string path)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint SetUmask(uint mask);
}
