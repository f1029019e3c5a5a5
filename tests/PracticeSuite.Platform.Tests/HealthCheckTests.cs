using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PracticeSuite.Platform.Web;
using PracticeSuite.SharedKernel.Hosting.Persistence;
using Xunit;

namespace PracticeSuite.Platform.Tests;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task A_database_that_does_not_answer_is_unhealthy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Practice"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2",
        }).Build();
        await using var database = PracticeDatabase.FromConfiguration(configuration, Path.GetTempPath());
        var check = new DatabaseHealthCheck(database);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Postgres did not answer", result.Description);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("3")]
    public void An_unknown_provider_is_a_clear_configuration_error(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => PracticeDatabase.FromConfiguration(configuration, Path.GetTempPath()));
        Assert.Equal($"Database:Provider is '{provider}'; it must be 'Sqlite' or 'Postgres'.", error.Message);
    }
}
