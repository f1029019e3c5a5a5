using Autofac;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>A clinic that does not book through PracticeSuite: Scheduling is off, and the Clients module's pages leave its parts out (ADR 0017).</summary>
public sealed class ClientsWithoutSchedulingHost : ClientsHost
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings)
        {
            ["Modules:Scheduling:Enabled"] = "false",
            ["Modules:TreatmentPlans:Enabled"] = "false", // it requires Scheduling
        };
}

[Trait("Category", "Persistence")]
public sealed class SchedulingOffTests(ClientsWithoutSchedulingHost host) : IClassFixture<ClientsWithoutSchedulingHost>
{
    [Fact]
    public async Task The_record_does_not_link_to_appointments_while_scheduling_is_off()
    {
        var id = await host.Manager().RegisterAsync(Api.NewClient());
        var record = await Browser.For(host.Factory, PracticeRole.Manager, "user-manager").OpenAsync($"/Clients/{id}");
        Assert.Equal(["Record", "Intake", "Edit details", "History", "Export"], record.QuerySelectorAll("nav[aria-label='Client'] a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Without_scheduling_nobody_judges_a_therapists_licence_so_their_bookability_is_unknown()
    {
        await using var scope = host.Factory.Container.BeginLifetimeScope();
        var therapists = await scope.Resolve<ITherapistDirectory>().ListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([(People.TherapistA, TherapistBookability.Unknown), (People.TherapistB, TherapistBookability.Unknown)],
            therapists.Select(t => (t.Id, t.Bookability)).OrderBy(t => t.Item1 == People.TherapistB).ToList());
        Assert.All(therapists, t => Assert.False(t.MayBeBooked));
    }
}
