using System.Net.Http.Json;
using Autofac;
using Microsoft.Extensions.Hosting;
using PracticeSuite.SharedKernel.Hosting.Persistence;
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
        Assert.Equal([smith, smithers], Ids(await manager.GetJsonAsync($"/api/clients?q=mith{family[5..]}"))); // inside a word too
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

        var renamed = "Renamed" + Guid.NewGuid().ToString("N")[..6];
        body["familyName"] = renamed;
        await (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}", body)).EnsureSuccessAsync();
        Assert.Equal([id], Ids(await manager.GetJsonAsync($"/api/clients?q={renamed}")));
        Assert.Empty(Ids(await manager.GetJsonAsync($"/api/clients?q={family}")));
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// A UK mobile number no other client of this class's database has: +44 7 and nine random digits, none of them 0
    /// or 4, so no part of it is also the start of the number ("44…") or loses a leading zero.
    /// </summary>
    private static string UniqueMobile() => "+44 7" + new string(Enumerable.Range(0, 9).Select(_ => "12356789"[Random.Shared.Next(8)]).ToArray());

    private async Task<IReadOnlyList<Guid>> FindAsync(string query, HttpClient? caller = null) =>
        Ids(await (caller ?? host.Manager()).GetJsonAsync($"/api/clients?q={Uri.EscapeDataString(query)}&pageSize=100"));

    [Fact]
    public async Task A_word_of_three_characters_is_found_inside_a_name_and_one_of_two_only_at_a_word_start()
    {
        var tag = Tag();
        var given = "Quentin" + tag;
        var id = await host.Manager().RegisterAsync(Api.NewClient(given, "Fairweather"));

        Assert.Equal([id], await FindAsync($"{given} her"));      // "her" inside Fairweather
        Assert.Equal([id], await FindAsync($"uentin{tag}"));
        Assert.Empty(await FindAsync($"{given} er"));              // two letters: word starts only
        Assert.Equal([id], await FindAsync($"{given} fa"));        // ...which "fa" is
        Assert.Empty(await FindAsync($"{given} weatherfair"));
    }

    [Fact]
    public async Task Word_starts_come_before_matches_inside_words()
    {
        var tag = Tag();
        var inside = await host.Manager().RegisterAsync(Api.NewClient("Ann", $"Ajones{tag}")); // sorts first by name
        var start = await host.Manager().RegisterAsync(Api.NewClient("Bob", $"Jones{tag}"));

        Assert.Equal([start, inside], await FindAsync($"jones{tag}"));
        Assert.Equal([inside, start], await FindAsync($"ones{tag}")); // both inside: by name
    }

    [Fact]
    public async Task Accents_and_letters_like_ss_and_o_slash_are_ignored_both_ways()
    {
        var tag = Tag();
        var id = await host.Manager().RegisterAsync(Api.NewClient("Zoë", $"Ørsted-Strauß{tag}"));

        Assert.Equal([id], await FindAsync($"zoe orsted"));
        Assert.Contains(id, await FindAsync($"strauss{tag}"));
        Assert.Equal([id], await FindAsync($"ZOË STRAUSS{tag}"));
        Assert.Equal([id], await FindAsync($"zoe rauß{tag}"));       // inside a word, folded
        Assert.Equal([id], await FindAsync($"orstedstrauss{tag}"));
    }

    [Fact]
    public async Task Apostrophes_and_hyphens_are_ignored_and_each_part_is_a_word()
    {
        var tag = Tag();
        var obrien = await host.Manager().RegisterAsync(Api.NewClient($"Siobhán{tag}", "O'Brien"));
        var smithJones = await host.Manager().RegisterAsync(Api.NewClient($"Mary{tag}", "Smith-Jones"));

        foreach (var query in new[] { "O'Brien", "o’brien", "obrien", "o brien", "brien", "bri" })
        {
            Assert.Equal([obrien], await FindAsync($"siobhan{tag} {query}"));
        }

        foreach (var query in new[] { "jones", "smithjones", "smith-jones", "Smith Jones", "hjon" })
        {
            Assert.Equal([smithJones], await FindAsync($"mary{tag} {query}"));
        }
    }

    [Fact]
    public async Task A_phone_number_is_found_by_any_part_of_three_digits_and_with_the_trunk_zero()
    {
        var mobile = UniqueMobile(); // +44 7xxxxxxxxx
        var national = mobile[4..];  // 7xxxxxxxxx
        var id = await host.Manager().RegisterAsync(Api.NewClient(phone: mobile));

        Assert.Equal([id], await FindAsync($"{national[3..7]} {national[7..]}"));  // the middle and end, spaced
        Assert.Equal([id], await FindAsync("0" + national[..6]));                   // 07…: the national form
        Assert.Equal([id], await FindAsync(mobile));
        Assert.Equal([id], await FindAsync(national[^6..]));
        Assert.DoesNotContain(id, await FindAsync(national[4..6]));                // two digits: a prefix only
    }

    [Fact]
    public async Task Inside_word_matches_keep_to_the_callers_care_team_and_leave_archived_clients_out()
    {
        var (smith, smithers, _, _) = await SeedAsync();
        var family = (await host.Manager().GetJsonAsync($"/api/clients/{smith}"))["familyName"]!.GetValue<string>();
        var inside = family[2..]; // "ith…": found only inside the word

        Assert.Equal([smith, smithers], await FindAsync(inside));
        Assert.Equal([smith], await FindAsync(inside, host.Therapist(People.TherapistA)));
        Assert.Empty(await FindAsync(inside, host.Therapist(People.TherapistB)));

        await (await host.Manager().PostAsync($"/api/clients/{smithers}/archive", null)).EnsureSuccessAsync();
        Assert.Equal([smith], await FindAsync(inside));
        Assert.Equal([smith, smithers], Ids(await host.Manager().GetJsonAsync($"/api/clients?q={inside}&includeArchived=true")));
    }

    [Fact]
    public async Task After_an_edit_the_key_holds_the_new_name_and_phone_and_not_the_old()
    {
        var manager = host.Manager();
        var tag = Tag();
        var oldMobile = UniqueMobile();
        var body = Api.NewClient("Wendy", $"Wobbleton{tag}", phone: oldMobile);
        var id = await manager.RegisterAsync(body);
        Assert.Equal([id], await FindAsync($"bbleton{tag}"));
        Assert.Equal([id], await FindAsync(oldMobile[^7..]));

        var newMobile = UniqueMobile();
        body["familyName"] = $"Quivering{tag}";
        body["phone"] = newMobile;
        await (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}", body)).EnsureSuccessAsync();

        Assert.Empty(await FindAsync($"bbleton{tag}"));
        Assert.DoesNotContain(id, await FindAsync(oldMobile[^7..]));
        Assert.Equal([id], await FindAsync($"ivering{tag}"));
        Assert.Equal([id], await FindAsync(newMobile[^7..]));
    }

    [Fact]
    public async Task A_client_indexed_before_fragments_existed_is_rebuilt_at_start_up()
    {
        var tag = Tag();
        var id = await host.Manager().RegisterAsync(Api.NewClient("Olive", $"Backfilled{tag}"));
        var database = host.Factory.Container.Resolve<PracticeDatabase>();
        var naming = new ModuleTableNaming("Clients", database.Provider);
        var storedId = database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : (object)id;
        await using (var connection = database.CreateConnection())
        {
            // The record as migration AddClientSearchFragments leaves one saved before it: version 0, no fragments.
            await connection.OpenAsync();
            await using var reset = connection.CreateCommand();
            reset.CommandText =
                $"DELETE FROM {naming.QualifiedTable("client_search_fragments")} WHERE \"ClientId\" = @id; " +
                $"UPDATE {naming.QualifiedTable("clients")} SET \"SearchIndexVersion\" = 0 WHERE \"Id\" = @id";
            reset.AddParameter("@id", storedId);
            Assert.True(await reset.ExecuteNonQueryAsync() > 1);
        }

        Assert.Empty(await FindAsync($"ackfilled{tag}")); // prefixes only, as before the migration
        Assert.Equal([id], await FindAsync($"backfilled{tag}"));

        var backfill = host.Factory.Container.Resolve<IEnumerable<IHostedService>>().Single(s => s.GetType().Name == "ClientSearchIndexBackfill");
        await backfill.StartAsync(CancellationToken.None);

        Assert.Equal([id], await FindAsync($"ackfilled{tag}"));
    }
}
