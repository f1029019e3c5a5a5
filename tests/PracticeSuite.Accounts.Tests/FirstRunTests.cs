using System.Net;
using Autofac;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>A fresh installation: the setup page, the first manager from configuration, and demo mode.</summary>
[Trait("Category", "Persistence")]
public sealed class FirstRunTests
{
    private static readonly Dictionary<string, string?> Quiet = new() { ["Email:BackgroundDelivery"] = "false" };

    [Fact]
    public async Task Without_configuration_the_setup_page_creates_the_first_manager_once_then_disappears()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PracticeSuiteFactory(database, Quiet);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Setup")).StatusCode); // no default account exists

        var weak = await AccountsFixture.PostFormAsync(client, "/Setup", new()
        {
            ["Input.DisplayName"] = "Mia Manager", ["Input.Email"] = "mia@clinic.test", ["Input.Password"] = "password", ["Input.ConfirmPassword"] = "password",
        });
        var weakPage = await weak.Content.ReadAsStringAsync();
        Assert.Contains("Passwords must be at least 12 characters.", weakPage);
        Assert.DoesNotContain("uppercase", weakPage); // no composition rules (ASVS 2.1)

        var created = await AccountsFixture.PostFormAsync(client, "/Setup", new()
        {
            ["Input.DisplayName"] = "Mia Manager", ["Input.Email"] = "mia@clinic.test", ["Input.Password"] = "Strong-Password-1", ["Input.ConfirmPassword"] = "Strong-Password-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Manage/Staff")).StatusCode); // signed in as the manager
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/Setup")).StatusCode);
    }

    [Fact]
    public async Task A_fresh_database_has_the_four_roles_from_its_migrations()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PracticeSuiteFactory(database, Quiet);
        var roles = await factory.InScopeAsync(scope =>
            scope.Resolve<AccountsDbContext>().Roles.Select(r => r.NormalizedName).OrderBy(n => n).ToListAsync());
        Assert.Equal(["CLIENT", "MANAGER", "RECEPTION", "THERAPIST"], roles);
    }

    [Fact]
    public async Task The_first_manager_can_come_from_configuration()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PracticeSuiteFactory(database, new Dictionary<string, string?>(Quiet)
        {
            ["Accounts:FirstManager:Email"] = "owner@clinic.test",
            ["Accounts:FirstManager:Password"] = "Owner-Password-1",
        });
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Setup")).StatusCode);
        var signIn = await AccountsFixture.PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "owner@clinic.test", ["Input.Password"] = "Owner-Password-1" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Manage/Staff")).StatusCode);
    }

    [Fact]
    public async Task Demo_mode_seeds_the_demo_people_and_the_modules_records_for_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PracticeSuiteFactory(database, new Dictionary<string, string?>(Quiet)
        {
            ["Demo:Enabled"] = "true",
            ["Modules:Casebook:Enabled"] = "true",
        });
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var signIn = await AccountsFixture.PostFormAsync(client, "/Account/Login", new()
        {
            ["Input.Email"] = $"manager@{AccountsStartup.DemoDomain}", ["Input.Password"] = AccountsStartup.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("\"clients\":3", await client.GetStringAsync("/api/casebook/clinic-summary")); // the module seeded its records: two clients and an erased one
        Assert.Contains("Theo Therapist", await client.GetStringAsync("/Calendar/Settings/Therapists"));
    }
}
