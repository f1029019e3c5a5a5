using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Text.RegularExpressions;
using Autofac;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Email;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>The host with a hand-moved clock, e-mail delivered only when a test asks, and the personas seeded.</summary>
public sealed class AccountsFactory(TestDatabase database, IReadOnlyDictionary<string, string?> settings, string environment = "Testing")
    : PracticeSuiteFactory(database, settings, environment: environment)
{
    /// <summary>Moved by hand, so expiry is tested without waiting.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public class AccountsFixture : IAsyncLifetime
{
    public const string Password = "Persona-Password-2026";
    public const string EmailDomain = "personas.test";

    private TestDatabase? _database;
    private AccountsFactory? _factory;

    public AccountsFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public Personas Personas { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> RouteValues { get; private set; } = new Dictionary<string, string>();

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The host's environment: Testing, or Development where a test needs Development's rules.</summary>
    protected virtual string Environment => "Testing";

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Email:BackgroundDelivery"] = "false",
            ["Modules:Casebook:Enabled"] = "true",
            ["Accounts:PublicUrl"] = "http://localhost",
            ["Accounts:RateLimit:LoginPermits"] = "1000",
            ["Accounts:RateLimit:ResetPermits"] = "1000",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _factory = new AccountsFactory(_database, settings, Environment);
        _ = _factory.Server;
        var (personas, _) = await _factory.InScopeAsync(scope => scope.Resolve<AccountSeeding>().EnsurePersonasAsync(EmailDomain, Password));
        Personas = personas;
        RouteValues = await AccountSeeding.SeedModuleRecordsAsync(_factory.Container, personas, TestContext.Current.CancellationToken);
    }

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real login page.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Password)
    {
        var client = CreateClient();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        client.DefaultRequestHeaders.Add("Origin", "http://localhost"); // as a browser on the site's own pages says (CrossSiteRequests)
        return client;
    }

    /// <summary>GETs the page for its antiforgery token, then posts the form with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? getPath = null)
    {
        var page = await client.GetStringAsync(getPath ?? path);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public async Task<T> InScopeAsync<T>(Func<ILifetimeScope, Task<T>> work) => await Factory.InScopeAsync(work);

    /// <summary>The newest e-mail to an address, as the delivery run would send it.</summary>
    internal Task<EmailRecord> LastEmailToAsync(string address) =>
        InScopeAsync(scope => scope.Resolve<AccountsDbContext>().Emails.AsNoTracking().Where(e => e.Recipient == address).OrderByDescending(e => e.QueuedAt).ThenByDescending(e => e.Id).FirstAsync());

    internal static string LinkIn(EmailRecord email) => Regex.Match(email.TextBody, @"http://localhost(/\S+)").Groups[1].Value;

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
