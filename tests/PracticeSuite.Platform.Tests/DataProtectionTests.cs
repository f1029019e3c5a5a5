using System.Net;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

public sealed class DataProtectionTests
{
    [Fact]
    public async Task The_first_key_is_made_when_data_is_first_protected_not_at_start()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PracticeSuiteFactory(database);
        using var client = host.CreateClient();
        var keys = Path.Combine(database.DataDirectory, "keys");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", ct)).StatusCode);
        Assert.False(Directory.Exists(keys) && Directory.EnumerateFiles(keys).Any(), "a started, idle host wrote a data-protection key");

        var login = await client.GetAsync("/Account/Login", ct); // its form carries an antiforgery token
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("__RequestVerificationToken", await login.Content.ReadAsStringAsync(ct));
        Assert.Single(Directory.EnumerateFiles(keys, "key-*.xml"));
    }
}
