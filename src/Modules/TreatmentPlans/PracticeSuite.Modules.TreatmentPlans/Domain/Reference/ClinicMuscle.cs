using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.TreatmentPlans.Domain.Reference;

/// <summary>
/// A muscle the clinic adds to the shipped library, with its referral pattern and where the clinic took it from.
/// Its code starts with "clinic-" so it can never collide with a shipped one.
/// </summary>
internal sealed class ClinicMuscle
{
    public const int MaxSites = 12;

    private ClinicMuscle()
    {
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Region { get; private set; } = "";

    public bool Sided { get; private set; }

    public string PrimarySite { get; private set; } = "";

    /// <summary>The referral sites' codes, separated by spaces.</summary>
    public string Sites { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Source { get; private set; } = "";

    public DateTime AddedAt { get; private set; }

    /// <summary>Checks every part against the reference data; a refusal names the field.</summary>
    public static ClinicMuscle Create(string name, string region, bool sided, IReadOnlyList<string> sites, string? primarySite, string description, string source, DateTime now)
    {
        if (!MuscleLibrary.Regions.Contains(region))
        {
            throw RequestValidationException.For("Region", "Choose the region from the list.");
        }

        var distinct = sites.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0 || distinct.Count > MaxSites)
        {
            throw RequestValidationException.For("Sites", $"Choose from 1 to {MaxSites} places the pain is referred to.");
        }

        if (distinct.FirstOrDefault(s => PainZones.FindSite(s) is null) is { } unknown)
        {
            throw RequestValidationException.For("Sites", $"There is no pain zone '{unknown}'.");
        }

        var primary = string.IsNullOrEmpty(primarySite) ? distinct[0] : primarySite;
        if (!distinct.Contains(primary))
        {
            throw RequestValidationException.For("PrimarySite", "The main referral zone must be one of the zones chosen.");
        }

        return new ClinicMuscle
        {
            Code = CodeFor(name),
            Name = name,
            Region = region,
            Sided = sided,
            PrimarySite = primary,
            Sites = string.Join(' ', distinct),
            Description = description,
            Source = source,
            AddedAt = now,
        };
    }

    /// <summary>"Clinic: Flexor hallucis" becomes "clinic-flexor-hallucis": letters and digits kept, the rest one hyphen.</summary>
    public static string CodeFor(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return "clinic-" + slug.Trim('-');
    }

    public Muscle ToMuscle() =>
        new(Code, Name, Region, Sided, new ReferralPattern(PrimarySite, Sites.Split(' ', StringSplitOptions.RemoveEmptyEntries), Description, Source), Shipped: false);
}
