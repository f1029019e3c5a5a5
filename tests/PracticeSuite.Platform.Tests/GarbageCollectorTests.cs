using System.Runtime.InteropServices;
using System.Text.Json;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// The host runs the runtime's collector with segments (ADR 0011). The runtime refuses to start when the library
/// named in the host's runtime configuration does not exist, and silently keeps its default collector when the
/// setting is missing, so both are checked against a host that really runs.
/// </summary>
public sealed class GarbageCollectorTests
{
    private const string SegmentsCollector = "libclrgc.so"; // its name on Linux, where the test command runs

    [Fact]
    public void The_host_names_a_collector_library_that_the_runtime_ships()
    {
        var runtimeConfiguration = Path.ChangeExtension(HostProcess.HostAssembly, ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(runtimeConfiguration));
        var library = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties")
            .GetProperty("System.GC.Name").GetString()!;

        Assert.Equal(SegmentsCollector, library);
        Assert.True(File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), library)),
            $"{library} is not in the runtime directory {RuntimeEnvironment.GetRuntimeDirectory()}");
    }

    [Fact]
    public async Task A_started_host_has_loaded_the_segments_collector()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = await HostProcess.StartAsync(database.HostArguments, TimeSpan.FromSeconds(60));

        var mappedFiles = await File.ReadAllLinesAsync($"/proc/{host.Process.Id}/maps", TestContext.Current.CancellationToken);

        Assert.Contains(mappedFiles, line => line.EndsWith("/" + SegmentsCollector, StringComparison.Ordinal));
    }
}
