using Autofac;
using PracticeSuite.SharedKernel.Hosting.Platform;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>Demo mode's sample practice, seeded through the module's <see cref="IDemoRecords"/> (its own host: it adds two dozen clients).</summary>
[Trait("Category", "Persistence")]
public sealed class DemoRecordsTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    private const string SampleDomain = "@sample.practicesuite.local";

    private async Task<int> SeedDemoAsync()
    {
        using var system = SystemPrincipal.Enter(); // as the platform seeds them
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        var added = 0;
        // The Clients module's own sample records: other modules running beside it (Scheduling) add theirs too.
        foreach (var records in scope.Resolve<IEnumerable<IDemoRecords>>().Where(r => r.GetType().Assembly.GetName().Name == "PracticeSuite.Modules.Clients"))
        {
            added += await records.SeedAsync(People.Personas, CancellationToken.None);
        }

        return added;
    }

    [Fact]
    public async Task The_sample_practice_is_added_once_with_care_teams_flags_from_the_rules_and_archived_clients()
    {
        await host.SeedPersonasAsync();
        var first = await SeedDemoAsync();
        Assert.True(first >= 20, $"expected a list worth paging, got {first} sample clients");
        Assert.Equal(0, await SeedDemoAsync()); // a restart in demo mode adds nothing

        var manager = host.Manager();
        var everyone = (await manager.GetJsonAsync("/api/clients?pageSize=100&includeArchived=true"))["items"]!.AsArray();
        var samples = everyone.Where(c => c!["email"]?.GetValue<string>().EndsWith(SampleDomain, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(first, samples.Count);
        Assert.Equal(2, samples.Count(c => c!["archived"]!.GetValue<bool>()));

        var active = (await manager.GetJsonAsync("/api/clients?pageSize=100"))["items"]!.AsArray();
        Assert.Equal(samples.Count - 2, active.Count(c => c!["email"]?.GetValue<string>().EndsWith(SampleDomain, StringComparison.Ordinal) == true));

        // Each demo therapist has sample clients of their own, and some are shared.
        var ofA = await host.Therapist(People.TherapistA).GetJsonAsync("/api/clients?pageSize=100");
        var ofB = await host.Therapist(People.TherapistB).GetJsonAsync("/api/clients?pageSize=100");
        var idsOfA = ofA["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToHashSet();
        var idsOfB = ofB["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToHashSet();
        Assert.True(idsOfA.Count > 5 && idsOfB.Count > 5);
        Assert.NotEmpty(idsOfA.Intersect(idsOfB));
        Assert.NotEqual(idsOfA, idsOfB);

        // Intake answers went through the clinic's screening rules: a flag of each kind that changes a session.
        var kinds = new List<string>();
        foreach (var sample in samples.Where(c => !c!["archived"]!.GetValue<bool>()))
        {
            var eligibility = await manager.GetJsonAsync($"/api/clients/{sample!["id"]}/eligibility");
            kinds.AddRange(eligibility["flags"]!.AsArray().Select(f => f!["kind"]!.GetValue<string>()));
            Assert.Contains(eligibility["blockers"]!.AsArray(), b => b!["code"]!.GetValue<string>() == "consent.missing"); // only a client signs
        }

        Assert.Contains("RequiresPhysicianClearance", kinds);
        Assert.Contains("Local", kinds);
        Assert.Contains("ModifyPressure", kinds);
    }
}
