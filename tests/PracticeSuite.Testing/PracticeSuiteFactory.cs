using Autofac;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PracticeSuite.Testing;

/// <summary>
/// The real host, with its modules loaded from the staged modules folder of the test's bin, on a fresh
/// database. Test modules Alpha and Beta are enabled; pass more settings to change the module set.
/// </summary>
public class PracticeSuiteFactory(
    TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? overrides = null, string environment = "Testing")
    : WebApplicationFactory<Program>
{
    public static readonly IReadOnlyDictionary<string, string?> TestModules = new Dictionary<string, string?>
    {
        ["Modules:Alpha:Enabled"] = "true",
        ["Modules:Beta:Enabled"] = "true",
        ["Modules:Gamma:Enabled"] = "true",
    };

    /// <summary>Settings every test host needs: the address links in e-mails start with (required outside Development).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Required = new Dictionary<string, string?>
    {
        ["Accounts:PublicUrl"] = "http://localhost",
    };

    public TestDatabase Database { get; } = database;

    /// <summary>Everything the host logged, with scope values such as the correlation id.</summary>
    public CapturedLogs Logs { get; } = new();

    public ILifetimeScope Container => Services.GetRequiredService<ILifetimeScope>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestModules.Concat(Required).Concat(Database.Settings).Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment(environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        if (overrides is not null)
        {
            builder.ConfigureTestServices(overrides);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a fresh lifetime scope, as a request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<ILifetimeScope, Task<T>> work)
    {
        await using var scope = Container.BeginLifetimeScope();
        return await work(scope);
    }
}
