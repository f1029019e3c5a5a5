using PracticeSuite.Modules.Clients.Contracts;

namespace PracticeSuite.Modules.Clients.Domain;

/// <summary>
/// Whether a client may start a treatment plan, and be treated today: what blocks a plan (a closed record, no intake,
/// consent not signed or outdated, a flag needing a clearance that is missing, expired or advises against treatment)
/// and what blocks only today's session (an absolute flag for today).
/// </summary>
internal static class Eligibility
{
    public static TreatmentEligibility Evaluate(
        Guid clientId, bool recordClosed, bool hasIntake, int currentConsentVersion, int? signedConsentVersion,
        IEnumerable<ScreeningFlag> flags, DateOnly clinicToday)
    {
        var blockers = new List<EligibilityBlocker>();
        if (recordClosed)
        {
            blockers.Add(new EligibilityBlocker("client.archived", "The client's record is archived.", null, true));
        }

        if (!hasIntake)
        {
            blockers.Add(new EligibilityBlocker("intake.missing", "The health-history questionnaire has not been completed.", null, true));
        }

        if (signedConsentVersion is null)
        {
            blockers.Add(new EligibilityBlocker("consent.missing", "The client has not signed the consent to treatment.", null, true));
        }
        else if (signedConsentVersion != currentConsentVersion)
        {
            blockers.Add(new EligibilityBlocker("consent.outdated",
                $"The client signed consent version {signedConsentVersion}; version {currentConsentVersion} must be signed.", null, true));
        }

        var current = flags.Where(f => f.IsActive && !f.HasLapsed(clinicToday)).ToList();
        foreach (var flag in current)
        {
            if (flag.Blocker(clinicToday) is { } blocker)
            {
                blockers.Add(new EligibilityBlocker(blocker.Code, blocker.Message, flag.Id, blocker.BlocksPlan));
            }
        }

        return new TreatmentEligibility(
            clientId,
            MayStartPlan: blockers.All(b => !b.BlocksPlan),
            MayTreatNow: blockers.Count == 0,
            blockers,
            current.Where(f => f.Blocker(clinicToday) is null && !f.ClearedWithoutRestriction(clinicToday)).Select(f => f.ToView(clinicToday)).ToList(),
            current.Select(f => f.ToView(clinicToday)).ToList());
    }
}
