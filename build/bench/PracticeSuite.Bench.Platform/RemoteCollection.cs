using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace PracticeSuite.Bench.Platform;

/// <summary>
/// A full, blocking garbage collection in another .NET process, induced through its diagnostics port the way
/// dotnet-gcdump does: an EventPipe session that asks the runtime provider for a heap collection. The product has
/// no endpoint for this, and should not have one.
/// </summary>
public static class RemoteCollection
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task InduceAsync(int processId)
    {
        var client = new DiagnosticsClient(processId);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider(RuntimeProvider, EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)],
            requestRundown: false,
            circularBufferMB: 1);
        // The runtime writes the collection's events into the session; read them so it never waits on a full pipe.
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        // A collection of this heap takes milliseconds; a second covers a busy machine too.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await session.StopAsync(CancellationToken.None);
        await drain;
    }
}
