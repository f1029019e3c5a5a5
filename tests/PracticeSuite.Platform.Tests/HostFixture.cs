using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>One host with test modules Alpha and Beta on a fresh database, shared by a test class.</summary>
public class HostFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private PracticeSuiteFactory? _factory;

    public PracticeSuiteFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services the test replaces (a clock, a fake), registered after the host's own.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Overrides => null;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new PracticeSuiteFactory(_database, Settings, Overrides);
        _ = _factory.Server; // start now, so a start-up failure fails the fixture with its message
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same host with Alpha switched off by configuration.</summary>
public sealed class AlphaDisabledFixture : HostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Modules:Alpha:Enabled"] = "false",
        ["Modules:Clients:Enabled"] = "false", // enabled in appsettings.json; off here so no module is left
        ["Modules:Scheduling:Enabled"] = "false", // which requires Clients
        ["Modules:TreatmentPlans:Enabled"] = "false", // which requires both
    };
}

/// <summary>The same host with test sign-in, for what only the clinic's staff may open outside Development.</summary>
public sealed class SignedInHostFixture : HostFixture
{
    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Overrides => services => services.AddTestAuthentication();
}
