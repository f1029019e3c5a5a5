using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace PracticeSuite.Accounts.Tests;

/// <summary>The personas plus one client registered without an intake, for TherapistB; nothing else changes the data.</summary>
public sealed class DashboardFixture : AccountsFixture
{
    private Task<Guid>? _newClient;

    /// <summary>Registered once, on first use: no intake, no consent, care team TherapistB.</summary>
    public Task<Guid> NewClientAsync() => _newClient ??= RegisterAsync();

    private async Task<Guid> RegisterAsync()
    {
        var manager = await SignedInClientAsync(Personas.Manager.Email);
        var response = await manager.PostAsJsonAsync("/api/clients", new
        {
            givenName = "Nadia", familyName = "Newcomer", dateOfBirth = "1990-05-06", email = "nadia@example.org", phone = "+44 20 7946 0002",
            timeZone = "Europe/London", pressurePreference = "Medium",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var id = JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
        var team = await manager.PutAsJsonAsync($"/api/clients/{id}/care-team", new { therapistIds = new[] { Personas.TherapistB.TherapistId } });
        Assert.True(team.IsSuccessStatusCode, await team.Content.ReadAsStringAsync());
        return id;
    }
}

/// <summary>
/// The staff home page's counts (issue 17), against figures worked out by hand from the seeded data: ClientA (care team
/// TherapistA; intake with a flag awaiting clearance, so one clearance task for TherapistA), ClientB (TherapistB; intake,
/// no flag), Nadia (TherapistB; no intake); nobody has signed the current consent; TherapistB's certification expires in
/// 20 days; no e-mail failed. A manager and reception count the clinic, a therapist their care team; clients get none.
/// </summary>
[Trait("Category", "Persistence")]
public sealed class HomeDashboardTests(DashboardFixture host) : IClassFixture<DashboardFixture>
{
    private const string NoIntake = "Clients without an intake";
    private const string NoConsent = "Clients yet to sign the current consent";
    private const string AwaitingClearance = "Clients with a flag awaiting clearance";

    [Fact]
    public async Task A_manager_counts_the_whole_clinic_and_each_count_links_to_its_list()
    {
        await host.NewClientAsync();
        var counts = await CountsAsync(host.Personas.Manager.Email);
        Assert.Equal(
            new Dictionary<string, (int, string)>
            {
                ["Open tasks in the clinic"] = (1, "/Tasks?scope=all"),
                [NoIntake] = (1, "/Clients?needs=intake"),
                [NoConsent] = (3, "/Clients?needs=consent"),
                [AwaitingClearance] = (1, "/Clients?needs=clearance"),
                ["Licences and certifications expiring"] = (1, "/Calendar/Settings/Therapists"),
                ["E-mails that failed"] = (0, "/Manage/Email?failed=true"),
            },
            counts);
    }

    [Fact]
    public async Task A_therapist_counts_only_their_care_teams_clients_and_their_own_tasks()
    {
        await host.NewClientAsync();
        Assert.Equal(
            new Dictionary<string, (int, string)>
            {
                ["Your open tasks"] = (1, "/Tasks"),
                [NoIntake] = (0, "/Clients?needs=intake"),
                [NoConsent] = (1, "/Clients?needs=consent"),
                [AwaitingClearance] = (1, "/Clients?needs=clearance"),
            },
            await CountsAsync(host.Personas.TherapistA.Email));
        Assert.Equal(
            new Dictionary<string, (int, string)>
            {
                ["Your open tasks"] = (0, "/Tasks"),
                [NoIntake] = (1, "/Clients?needs=intake"),
                [NoConsent] = (2, "/Clients?needs=consent"),
                [AwaitingClearance] = (0, "/Clients?needs=clearance"),
            },
            await CountsAsync(host.Personas.TherapistB.Email));
    }

    [Fact]
    public async Task Reception_counts_the_clinics_clients_but_not_licences_or_e_mail()
    {
        await host.NewClientAsync();
        Assert.Equal(
            new Dictionary<string, (int, string)>
            {
                ["Your open tasks"] = (0, "/Tasks"),
                [NoIntake] = (1, "/Clients?needs=intake"),
                [NoConsent] = (3, "/Clients?needs=consent"),
                [AwaitingClearance] = (1, "/Clients?needs=clearance"),
            },
            await CountsAsync(host.Personas.Reception!.Email));
    }

    [Fact]
    public async Task A_client_and_a_visitor_see_no_counts_and_no_tasks()
    {
        foreach (var client in new[] { await host.SignedInClientAsync(host.Personas.ClientA.Email), host.CreateClient() })
        {
            var home = await client.GetStringAsync("/");
            Assert.DoesNotContain("Needs attention", home);
            Assert.DoesNotContain("My tasks", home);
            Assert.DoesNotContain("data-count", home);
            Assert.DoesNotContain("clearance", home, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Each_clients_count_opens_a_list_of_exactly_the_clients_it_counted()
    {
        var nadia = await host.NewClientAsync();
        var (clientA, clientB) = (host.Personas.ClientA.ClientId!.Value, host.Personas.ClientB.ClientId!.Value);
        var manager = await host.SignedInClientAsync(host.Personas.Manager.Email);
        Assert.Equal([nadia], await ListedAsync(manager, "/Clients?needs=intake"));
        Assert.Equal(new[] { clientA, clientB, nadia }.Order(), (await ListedAsync(manager, "/Clients?needs=consent")).Order());
        Assert.Equal([clientA], await ListedAsync(manager, "/Clients?needs=clearance"));

        var therapistB = await host.SignedInClientAsync(host.Personas.TherapistB.Email);
        Assert.Equal(new[] { clientB, nadia }.Order(), (await ListedAsync(therapistB, "/Clients?needs=consent")).Order());
        Assert.Empty(await ListedAsync(therapistB, "/Clients?needs=clearance"));

        // An unknown need is no filter: the whole list, as without one.
        Assert.Equal(3, (await ListedAsync(manager, "/Clients?needs=everything")).Count);
    }

    private async Task<Dictionary<string, (int, string)>> CountsAsync(string email)
    {
        var client = await host.SignedInClientAsync(email);
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("My tasks", home);
        return Regex.Matches(home, @"<a class=""card"" href=""([^""]+)"" data-count=""(\d+)""><span[^>]*>[\d,]+</span> ([^<]+)</a>")
            .ToDictionary(m => m.Groups[3].Value, m => (int.Parse(m.Groups[2].Value), m.Groups[1].Value));
    }

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string path) =>
        Regex.Matches(await client.GetStringAsync(path), @"<tr data-client-id=""([0-9a-f-]+)""").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
}
