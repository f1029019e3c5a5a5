using System.Net;
using System.Net.Sockets;

namespace PracticeSuite.Bench.Platform;

/// <summary>Where things are: the repository, the Release host build, free ports and scratch folders.</summary>
public static class HostPaths
{
    public const string HostAssemblyName = "PracticeSuite.Host.dll";

    /// <summary>The Release build of src/Host (build/bench/run-platform.sh builds it first).</summary>
    public static string ReleaseHostFolder(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PracticeSuite.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("Cannot find PracticeSuite.sln above the harness; pass --host-dir <Release host folder>.");
        }

        return Path.Combine(directory.FullName, "src", "Host", "bin", "Release", "net10.0");
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string NewScratchFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"practicesuite-bench-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left behind in the temp directory is harmless; the figures matter more.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
