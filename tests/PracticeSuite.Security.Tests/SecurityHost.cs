namespace PracticeSuite.Security.Tests;

/// <summary>
/// The host with every product module the host's own settings enable (Clients now, later modules without edits) and
/// the test modules off, with test sign-in and the platform doubles. The module name only picks the outbox to read.
/// </summary>
public sealed class SecurityHost() : ModuleTestHost("Clients")
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        PracticeSuiteFactory.TestModules.ToDictionary(m => m.Key, _ => (string?)"false")
            .Append(new KeyValuePair<string, string?>("Clinic:TimeZone", "Europe/London"))
            .ToDictionary(s => s.Key, s => s.Value);
}
