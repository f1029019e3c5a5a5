using System.Globalization;

namespace PracticeSuite.Bench.Platform;

/// <summary>
/// The resident set of a process from /proc/&lt;pid&gt;/status (Linux): the total, and how much of it is
/// anonymous memory (heaps) versus mapped files (the runtime's and the app's assemblies) and shared memory
/// (the runtime maps JIT-compiled code twice through shared memory, for W^X).
/// </summary>
public sealed record ProcMemory(long ResidentBytes, long AnonymousBytes, long FileBytes, long SharedBytes)
{
    public static ProcMemory Of(int processId)
    {
        var fields = File.ReadLines($"/proc/{processId}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith("kB", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
        return new ProcMemory(fields["VmRSS"], fields.GetValueOrDefault("RssAnon"), fields.GetValueOrDefault("RssFile"), fields.GetValueOrDefault("RssShmem"));
    }

    public static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;

    public override string ToString() =>
        $"VmRSS {Megabytes(ResidentBytes):0.0} MB (anonymous {Megabytes(AnonymousBytes):0.0} MB, mapped files {Megabytes(FileBytes):0.0} MB, shared memory {Megabytes(SharedBytes):0.0} MB)";
}
