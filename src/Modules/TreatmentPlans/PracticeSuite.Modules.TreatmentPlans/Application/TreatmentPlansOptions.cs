using Microsoft.Extensions.Configuration;
using PracticeSuite.Modules.TreatmentPlans.Domain;

namespace PracticeSuite.Modules.TreatmentPlans.Application;

/// <summary>The module's settings (<c>Modules:TreatmentPlans</c>).</summary>
/// <param name="SignWithin">A session's note should be signed within this time after the appointment ends.</param>
internal sealed record TreatmentPlansOptions(TreatmentLimits Limits, TimeSpan SignWithin)
{
    public const int DefaultSignWithinHours = 24;

    /// <summary>Reads <c>HoldCapSeconds</c> (10–600, default 120) and <c>SignWithinHours</c> (1–336, default 24).</summary>
    public static TreatmentPlansOptions From(IConfigurationSection settings) =>
        new(new TreatmentLimits(Read(settings, "HoldCapSeconds", TreatmentLimits.Default.HoldCapSeconds, 10, TreatmentLimits.AbsurdHoldSeconds)),
            TimeSpan.FromHours(Read(settings, "SignWithinHours", DefaultSignWithinHours, 1, 336)));

    private static int Read(IConfigurationSection settings, string key, int fallback, int min, int max)
    {
        var text = settings[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"Modules:TreatmentPlans:{key} is '{text}'; it must be a whole number from {min} to {max}.");
    }
}
