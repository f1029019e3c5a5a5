using Microsoft.Extensions.Configuration;

namespace PracticeSuite.Modules.Scheduling.Application;

/// <summary>The module's settings (<c>Modules:Scheduling</c>).</summary>
internal sealed record SchedulingOptions(TimeSpan LateCancellationWindow)
{
    public const int DefaultLateCancellationHours = 24;

    /// <summary>Reads <c>LateCancellationHours</c> (0–168, default 24): inside this many hours before the start, a cancellation is late.</summary>
    public static SchedulingOptions From(IConfigurationSection settings)
    {
        var text = settings["LateCancellationHours"];
        var hours = DefaultLateCancellationHours;
        if (!string.IsNullOrWhiteSpace(text) && (!int.TryParse(text, out hours) || hours is < 0 or > 168))
        {
            throw new InvalidOperationException($"Modules:Scheduling:LateCancellationHours is '{text}'; it must be a whole number of hours from 0 to 168.");
        }

        return new SchedulingOptions(TimeSpan.FromHours(hours));
    }
}
