using PracticeSuite.Platform.Modules;

namespace PracticeSuite.Platform.Persistence;

/// <summary>
/// One host per SQLite data folder: the embedded database and Hangfire's SQLite storage are safe in one process only
/// (two processes on one Hangfire file ran some jobs twice). The host holds <c>practicesuite.lock</c> open with an
/// exclusive lock for its lifetime; the operating system releases it when the process ends, even on a crash.
/// </summary>
internal sealed class DataFolderLock : IDisposable
{
    public const string FileName = "practicesuite.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    public static DataFolderLock Acquire(string dataDirectory)
    {
        PrivateFiles.Folder(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new StartupConfigurationException(
                $"another PracticeSuite host is using the data folder {dataDirectory} (it holds {path}); stop it, or give this host its own Storage:DataDirectory.");
        }
    }

    public void Dispose() => _file.Dispose();
}
