using System.Net.Http.Json;
using Xunit;

namespace PracticeSuite.Clients.Tests;

[Trait("Category", "Persistence")]
public sealed class SearchTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    private static int _seeds;

    /// <summary>Smith's mobile differs per seed (the tests of this class share one database): 07700 9N0123.</summary>
    private static string SmithsMobile(int seed) => $"+44 7700 9{seed}0123";

    private async Task<(Guid Smith, Guid Smithers, Guid Jones, int Seed)> SeedAsync()
    {
        var seed = Interlocked.Increment(ref _seeds);
        var manager = host.Manager();
        await host.SeedPersonasAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var smith = await manager.RegisterAsync(Api.NewClient("Jöhn", $"Smith{tag}", $"john.smith.{tag}@example.com", SmithsMobile(seed)));
        var smithers = await manager.RegisterAsync(Api.NewClient("Johanna", $"Smith{tag}ers", $"jo.{tag}@example.org", "020 7946 0991"));
        var jones = await manager.RegisterAsync(Api.NewClient("Mary", $"Jones{tag}", $"mary.{tag}@example.net"));
        await (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{smith}/care-team", new { therapistIds = new[] { People.TherapistA } })).EnsureSuccessAsync();
        return (smith, smithers, jones, seed);
    }

    private static IReadOnlyList<Guid> Ids(System.Text.Json.Nodes.JsonNode page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();

    [Fact]
    public async Task Prefix_and_word_search_on_name_email_and_phone()
    {
        var (smith, smithers, jones, seed) = await SeedAsync();
        var manager = host.Manager();
        var family = (await manager.GetJsonAsync($"/api/clients/{smith}"))["familyName"]!.GetValue<string>();

        Assert.Equal([smith, smithers], Ids(await manager.GetJsonAsync($"/api/clients?q={family}")));
        Assert.Equal([smith], Ids(await manager.GetJsonAsync($"/api/clients?q=john {family}"))); // accents ignored, every word a prefix
        Assert.Equal([smithers], Ids(await manager.GetJsonAsync($"/api/clients?q=JOH {family}e")));
        var email = (await manager.GetJsonAsync($"/api/clients/{jones}"))["email"]!.GetValue<string>();
        Assert.Equal([jones], Ids(await manager.GetJsonAsync($"/api/clients?q={Uri.EscapeDataString(email)}")));
        Assert.Equal([smith], Ids(await manager.GetJsonAsync($"/api/clients?q={Uri.EscapeDataString(SmithsMobile(seed)[..^3])}")));
        Assert.Contains(smithers, Ids(await manager.GetJsonAsync($"/api/clients?q={Uri.EscapeDataString("020 7946 09")}")));
        Assert.Empty(Ids(await manager.GetJsonAsync($"/api/clients?q=mith{family[5..]}"))); // prefixes, not substrings
    }

    [Fact]
    public async Task Results_are_paged()
    {
        var manager = host.Manager();
        var family = "Pager" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++)
        {
            await manager.RegisterAsync(Api.NewClient($"P{i}", family));
        }

        var first = await manager.GetJsonAsync($"/api/clients?q={family}&pageSize=2&page=1");
        var third = await manager.GetJsonAsync($"/api/clients?q={family}&pageSize=2&page=3");
        Assert.Equal(5, first["total"]!.GetValue<int>());
        Assert.Equal(2, Ids(first).Count);
        Assert.Single(Ids(third));
        var badPage = await manager.GetAsync($"/api/clients?q={family}&pageSize=1000");
        Assert.True((await badPage.FieldErrorsAsync()).ContainsKey("PageSize"));
        var tooDeep = await manager.GetAsync($"/api/clients?q={family}&pageSize=100&page={int.MaxValue}");
        Assert.True((await tooDeep.FieldErrorsAsync()).ContainsKey("Page"));
    }

    [Fact]
    public async Task Without_a_query_the_list_is_by_name_without_archived_or_erased_clients()
    {
        var manager = host.Manager();
        var family = "Aaaa" + Guid.NewGuid().ToString("N")[..6]; // before every other name in this class's database
        var bea = await manager.RegisterAsync(Api.NewClient("Bea", family));
        var abe = await manager.RegisterAsync(Api.NewClient("Abe", family));
        var cat = await manager.RegisterAsync(Api.NewClient("Cat", family));
        await (await manager.PostAsync($"/api/clients/{cat}/archive", null)).EnsureSuccessAsync();
        var dan = await manager.RegisterAsync(Api.NewClient("Dan", family));
        await (await manager.PostAsJsonAsync($"/api/clients/{dan}/erase", new { confirmed = true })).EnsureSuccessAsync(); // erased records sort first by their empty name

        Assert.Equal([abe, bea], Ids(await manager.GetJsonAsync("/api/clients?pageSize=2")));
        Assert.Equal([bea], Ids(await manager.GetJsonAsync("/api/clients?pageSize=1&page=2")));
        Assert.Equal([abe, bea, cat], Ids(await manager.GetJsonAsync("/api/clients?pageSize=3&includeArchived=true")));
        Assert.DoesNotContain(dan, Ids(await manager.GetJsonAsync("/api/clients?pageSize=100&includeArchived=true")));
    }

    [Fact]
    public async Task Past_the_counting_cap_the_total_says_more_than_and_later_pages_still_come()
    {
        var manager = host.Manager();
        var family = "Capped" + Guid.NewGuid().ToString("N")[..6];
        var extra = 5;
        for (var i = 0; i < SearchClientsCap + extra; i++)
        {
            await manager.RegisterAsync(Api.NewClient($"C{i:00}", family));
        }

        var first = await manager.GetJsonAsync($"/api/clients?q={family}&pageSize=25");
        Assert.Equal(SearchClientsCap, first["total"]!.GetValue<int>());
        Assert.True(first["totalIsCapped"]!.GetValue<bool>());
        Assert.True(first["hasNext"]!.GetValue<bool>());
        Assert.Equal(25, Ids(first).Count);

        var last = await manager.GetJsonAsync($"/api/clients?q={family}&pageSize=25&page=3");
        Assert.Equal(extra, Ids(last).Count);
        Assert.False(last["hasNext"]!.GetValue<bool>());
        Assert.Empty(Ids(first).Intersect(Ids(last)));
    }

    // SearchClients.MaxCounted: this project talks to the host over HTTP only, so the figure is restated here.
    private const int SearchClientsCap = 50;

    [Fact]
    public async Task Search_is_limited_to_what_the_caller_may_see()
    {
        var (smith, smithers, _, _) = await SeedAsync();
        var family = (await host.Manager().GetJsonAsync($"/api/clients/{smith}"))["familyName"]!.GetValue<string>();

        Assert.Equal([smith], Ids(await host.Therapist(People.TherapistA).GetJsonAsync($"/api/clients?q={family}")));
        Assert.Empty(Ids(await host.Therapist(People.TherapistB).GetJsonAsync($"/api/clients?q={family}")));
        Assert.Equal([smith, smithers], Ids(await host.Manager().GetJsonAsync($"/api/clients?q={family}")));
        var therapistAll = Ids(await host.Therapist(People.TherapistB).GetJsonAsync("/api/clients?pageSize=100"));
        Assert.Equal([People.ClientB], therapistAll);
    }

    [Fact]
    public async Task Archived_clients_are_found_only_when_asked_for_and_renamed_clients_by_their_new_name()
    {
        var manager = host.Manager();
        var family = "Archy" + Guid.NewGuid().ToString("N")[..6];
        var body = Api.NewClient("Ann", family);
        var id = await manager.RegisterAsync(body);
        await (await manager.PostAsync($"/api/clients/{id}/archive", null)).EnsureSuccessAsync();

        Assert.Empty(Ids(await manager.GetJsonAsync($"/api/clients?q={family}")));
        Assert.Equal([id], Ids(await manager.GetJsonAsync($"/api/clients?q={family}&includeArchived=true")));

        await (await manager.PostAsync($"/api/clients/{id}/restore", null)).EnsureSuccessAsync();
        Assert.Equal([id], Ids(await manager.GetJsonAsync($"/api/clients?q={family}")));

        body["familyName"] = "Renamed" + family;
        await (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}", body)).EnsureSuccessAsync();
        Assert.Equal([id], Ids(await manager.GetJsonAsync($"/api/clients?q=renamed{family}")));
        Assert.Empty(Ids(await manager.GetJsonAsync($"/api/clients?q={family}")));
    }
}
