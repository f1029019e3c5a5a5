using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Runtime;
using PracticeSuite.Host;

namespace PracticeSuite.Bench.Platform;

/// <summary>
/// Working set after start, warm-up and a forced GC: the host composed exactly as Program does
/// (<see cref="HostComposition"/>), run inside this process on a loopback port, warmed up over HTTP,
/// then collected. The figure includes the harness's own small overhead (this class; its warm-up requests go
/// over a plain socket, so no HTTP client library is loaded for them).
/// </summary>
public sealed class WorkingSetBenchmark(string hostFolder)
{
    private static readonly string[] WarmUpPaths = ["/", "/health", "/openapi/v1.json"];
    private const int WarmUpRequests = 300;

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        var dataFolder = HostPaths.NewScratchFolder("memory");
        var port = HostPaths.FreeLoopbackPort();
        try
        {
            // Production, like the separate-process measurement; the content root is the Release host build
            // so the same appsettings.json is read. The application name is the host's so that MVC finds its
            // compiled Razor pages in PracticeSuite.Host.dll, as when the host is the entry assembly.
            // Like the start measurement and a server after its first start: the database is already migrated.
            await HostStartBenchmark.MigrateAsync(Path.Combine(hostFolder, HostPaths.HostAssemblyName), dataFolder);
            var app = HostComposition.Build(
            [
                "--environment=Production",
                "--applicationName=PracticeSuite.Host",
                $"--contentRoot={hostFolder}",
                $"--urls=http://127.0.0.1:{port}",
                $"--Storage:DataDirectory={dataFolder}",
            ]);
            await using (app)
            {
                await HostComposition.PrepareAsync(app, CancellationToken.None);
                await app.StartAsync();
                try
                {
                    for (var i = 0; i < WarmUpRequests; i++)
                    {
                        var path = WarmUpPaths[i % WarmUpPaths.Length];
                        var status = await LoopbackGet.StatusAsync(port, path);
                        if (status != (int)HttpStatusCode.OK)
                        {
                            throw new InvalidOperationException($"Warm-up GET {path} answered {status}.");
                        }
                    }

                    ForceFullCollection();
                    using var process = Process.GetCurrentProcess();
                    process.Refresh();
                    var workingSet = process.WorkingSet64 / 1024.0 / 1024.0;
                    // The heap's size as the last collection left it. GC.GetTotalMemory would also count the free
                    // allocation space the segments collector keeps in gen0, which is not live data.
                    var gcInfo = GC.GetGCMemoryInfo();
                    var managedHeap = gcInfo.HeapSizeBytes / 1024.0 / 1024.0;
                    var committed = gcInfo.TotalCommittedBytes / 1024.0 / 1024.0;
                    Console.WriteLine($"[memory] after {WarmUpRequests} warm-up requests and a forced compacting GC " +
                        $"(server GC: {GCSettings.IsServerGC}, {Environment.ProcessorCount} processors)");
                    Console.WriteLine($"[memory] working set {workingSet:0.0} MB, managed heap {managedHeap:0.0} MB, GC committed {committed:0.0} MB");
                    Console.WriteLine($"[memory] {ProcMemory.Of(Environment.ProcessId)}");

                    // For comparison only: an aggressive collection also returns the collector's free memory to the
                    // operating system, which the collector otherwise keeps for the next allocations.
                    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    process.Refresh();
                    var afterAggressive = process.WorkingSet64 / 1024.0 / 1024.0;
                    var committedAfterAggressive = GC.GetGCMemoryInfo().TotalCommittedBytes / 1024.0 / 1024.0;
                    Console.WriteLine($"[memory] after an aggressive GC: working set {afterAggressive:0.0} MB, GC committed {committedAfterAggressive:0.0} MB");
                    return
                    [
                        new Figure("Working set after warm-up + forced GC", workingSet, "MB", null, false,
                            $"in-process host, {WarmUpRequests} requests, harness overhead included"),
                        new Figure("Managed heap after forced GC", managedHeap, "MB", null, false,
                            $"GCMemoryInfo.HeapSizeBytes; GC committed {committed:0.0} MB"),
                        new Figure("Working set after an aggressive GC (comparison)", afterAggressive, "MB", null, false,
                            $"GCCollectionMode.Aggressive releases free GC memory; GC committed {committedAfterAggressive:0.0} MB"),
                    ];
                }
                finally
                {
                    await app.StopAsync();
                }
            }
        }
        finally
        {
            HostPaths.DeleteQuietly(dataFolder);
        }
    }

    /// <summary>
    /// A plain HTTP/1.1 GET over a socket (one connection per request, read to the end): the process measured holds
    /// the host, and HttpClient would load System.Net.Http and its handlers into it for the harness's sake.
    /// </summary>
    private static class LoopbackGet
    {
        public static async Task<int> StatusAsync(int port, string path)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, port);
            await socket.SendAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"));
            var buffer = new byte[16 * 1024];
            var head = new StringBuilder();
            int read;
            while ((read = await socket.ReceiveAsync(buffer)) > 0)
            {
                if (head.Length < 32)
                {
                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
            }

            // "HTTP/1.1 200 OK": the status is the second word of the first line.
            var parts = head.ToString().Split(' ', 3);
            return parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : -1;
        }
    }

    private static void ForceFullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
