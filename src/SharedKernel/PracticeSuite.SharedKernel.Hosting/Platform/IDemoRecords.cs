namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// Demo mode's sample practice: the records a module adds beyond the personas' own, so that someone trying the
/// product meets a clinic in use (a client list worth searching, screening flags, an archived client). Called at
/// every start in demo mode, after the personas' records, and never outside it: seeding must skip what exists.
/// </summary>
public interface IDemoRecords
{
    /// <summary>Adds what is missing and returns how many records were added.</summary>
    Task<int> SeedAsync(Personas personas, CancellationToken cancellationToken);
}
