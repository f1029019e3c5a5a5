using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;

namespace PracticeSuite.Modules.Clients.Features.Search;

/// <summary>What a client still needs before treatment: the home page counts these and the client list filters by them.</summary>
internal enum ClientNeed
{
    /// <summary>No intake answered yet.</summary>
    Intake,

    /// <summary>The current consent text not signed (never signed, or an older version only).</summary>
    Consent,

    /// <summary>An active flag that needs a physician's clearance and has none recorded.</summary>
    Clearance,
}

/// <summary>
/// The one definition of each need, so that a count on the home page and the list its link opens show the same
/// clients: current records only (neither archived nor erased), among those the caller may see.
/// </summary>
internal static class ClientNeeds
{
    /// <summary>The query-string word for a need (<c>/Clients?needs=intake</c>).</summary>
    public static string Word(ClientNeed need) => need.ToString().ToLowerInvariant();

    public static ClientNeed? Parse(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "intake" => ClientNeed.Intake,
        "consent" => ClientNeed.Consent,
        "clearance" => ClientNeed.Clearance,
        _ => null,
    };

    public static string Describe(ClientNeed need) => need switch
    {
        ClientNeed.Intake => "Clients without an intake",
        ClientNeed.Consent => "Clients yet to sign the current consent",
        _ => "Clients with a flag awaiting clearance",
    };

    public static IQueryable<Client> Having(this IQueryable<Client> visible, ClientNeed need, ClientsDbContext db)
    {
        var current = visible.Where(c => c.ArchivedAt == null && c.ErasedAt == null);
        return need switch
        {
            ClientNeed.Intake => current.Where(c => !db.Intakes.Any(i => i.ClientId == c.Id)),
            // The current text is the highest version; no text published yet means nothing to sign.
            ClientNeed.Consent => current.Where(c => db.ConsentTexts.Any() && !db.ConsentSignatures.Any(s =>
                s.ClientId == c.Id && s.ConsentVersion == db.ConsentTexts.Max(t => t.Version))),
            _ => current.Where(c => db.Flags.Any(f => f.ClientId == c.Id && f.ResolvedAt == null
                && f.Kind == FlagKind.RequiresPhysicianClearance && f.ClearanceOutcome == null)),
        };
    }
}
