using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Testing;

/// <summary>A clock tests move by hand (retry backoff, token expiry), instead of sleeping.</summary>
public sealed class TestClock(DateTime start) : IClock
{
    private DateTime _now = DateTime.SpecifyKind(start, DateTimeKind.Utc);

    public DateTime UtcNow
    {
        get
        {
            lock (this)
            {
                return _now;
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (this)
        {
            _now += by;
        }
    }
}
