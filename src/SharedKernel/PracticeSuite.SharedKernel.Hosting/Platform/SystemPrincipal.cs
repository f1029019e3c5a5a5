namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// The platform's own work (a job, an event's handler, start-up seeding) runs as the system, and says so: inside
/// <see cref="Enter"/> the current user is the system, which may reach every record. Without it and without a
/// signed-in person the caller is nobody, who reaches none — so a page open to visitors can never read a record.
/// </summary>
public static class SystemPrincipal
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    /// <summary>Runs what follows, until the returned scope is disposed, as the system.</summary>
    public static IDisposable Enter()
    {
        var previous = Active.Value;
        Active.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
