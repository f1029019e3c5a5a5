namespace PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

/// <param name="MatchedZones">The client's zones the pattern covers, in the order they were given.</param>
/// <param name="PrimaryMatched">The muscle's main referral site is among them.</param>
/// <param name="Reason">In words: "refers to the temple and behind the ear".</param>
internal sealed record ReferralSuggestion(Muscle Muscle, IReadOnlyList<PainZone> MatchedZones, bool PrimaryMatched, string Reason);

/// <summary>
/// Which muscles may be behind pain felt in some zones: those whose referral pattern covers any of them, ranked by how
/// many of the zones the pattern covers, then those whose primary zone is among them, then by name. A suggestion for the
/// therapist to examine, never a diagnosis.
/// </summary>
internal static class ReferralSuggestions
{
    public static IReadOnlyList<ReferralSuggestion> Suggest(IReadOnlyList<Muscle> library, IReadOnlyList<PainZone> zones)
    {
        var suggestions = new List<ReferralSuggestion>();
        foreach (var muscle in library)
        {
            List<PainZone>? matched = null;
            foreach (var zone in zones)
            {
                if (Covers(muscle.Pattern, zone.Site.Code) && (matched is null || !matched.Contains(zone)))
                {
                    (matched ??= []).Add(zone);
                }
            }

            if (matched is not null)
            {
                var primary = matched.Any(z => z.Site.Code == muscle.Pattern.PrimarySite);
                suggestions.Add(new ReferralSuggestion(muscle, matched, primary, Reason(matched)));
            }
        }

        suggestions.Sort(Ranking);
        return suggestions;
    }

    private static bool Covers(ReferralPattern pattern, string site)
    {
        foreach (var covered in pattern.Sites)
        {
            if (covered == site)
            {
                return true;
            }
        }

        return false;
    }

    private static int Ranking(ReferralSuggestion a, ReferralSuggestion b)
    {
        var byCount = b.MatchedZones.Count.CompareTo(a.MatchedZones.Count);
        if (byCount != 0)
        {
            return byCount;
        }

        var byPrimary = b.PrimaryMatched.CompareTo(a.PrimaryMatched);
        return byPrimary != 0 ? byPrimary : string.Compare(a.Muscle.Name, b.Muscle.Name, StringComparison.OrdinalIgnoreCase);
    }

    private static string Reason(IReadOnlyList<PainZone> matched)
    {
        var places = matched.Select(z => Lower(z.Site.Name)).Distinct().ToList();
        var joined = places.Count == 1 ? places[0] : string.Join(", ", places.Take(places.Count - 1)) + " and " + places[^1];
        return $"refers to the {joined}";
    }

    // "Front of the shoulder" reads "the front of the shoulder"; a name already starting "the" is not doubled.
    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
