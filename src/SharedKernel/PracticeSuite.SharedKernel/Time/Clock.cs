namespace PracticeSuite.SharedKernel.Time;

/// <summary>The current instant, in UTC. Injected so tests can fix time.</summary>
public interface IClock
{
    DateTime UtcNow { get; }
}

public sealed class SystemClock : IClock
{
    public DateTime UtcNow => DateTime.UtcNow;
}
