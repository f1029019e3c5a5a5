using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.SharedKernel.Errors;
using Xunit;

namespace PracticeSuite.Clients.UnitTests;

/// <summary>
/// Who may change a care team (issue 16, item 11): the clinic any team, a therapist only one they are on; a therapist
/// adding a colleague is what the managers must hear of.
/// </summary>
public sealed class CareTeamTests
{
    private static readonly Guid Tara = Guid.Parse("0a000000-0000-0000-0000-00000000000a");
    private static readonly Guid Theo = Guid.Parse("0b000000-0000-0000-0000-00000000000b");
    private static readonly Guid Uma = Guid.Parse("0c000000-0000-0000-0000-00000000000c");

    private static Client ClientTreatedBy(params Guid[] team)
    {
        var client = Client.Register(
            Guid.Parse("01a23800-0000-7000-8000-0000000000c1"),
            new ClientDetails("Alice", "Able", new DateOnly(1984, 3, 14), "alice@example.com", null, null, null, null, "Europe/London", PressurePreference.Medium, null),
            new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc));
        client.SetCareTeam(team, CareTeamEditor.Clinic);
        return client;
    }

    private static Guid[] Team(Client client) => client.CareTeam.OrderBy(m => m.Position).Select(m => m.TherapistId).ToArray();

    [Fact]
    public void A_therapist_not_on_the_team_may_not_change_it_and_the_team_stays_as_it_was()
    {
        var client = ClientTreatedBy(Tara);

        var refused = Assert.Throws<BusinessRuleException>(() => client.SetCareTeam([Tara, Theo], CareTeamEditor.Therapist(Theo)));

        Assert.Equal("care-team.not-a-member", refused.Code);
        Assert.Equal("Only a therapist on this client's care team may change it. Ask the clinic's manager.", refused.Message);
        Assert.Equal([Tara], Team(client));
    }

    [Fact]
    public void A_therapist_may_not_change_an_empty_team()
    {
        var client = ClientTreatedBy();

        Assert.Throws<BusinessRuleException>(() => client.SetCareTeam([Theo], CareTeamEditor.Therapist(Theo)));
        Assert.Empty(client.CareTeam);
    }

    [Fact]
    public void A_therapist_on_the_team_adding_a_colleague_changes_it_and_the_managers_are_to_be_told()
    {
        var client = ClientTreatedBy(Tara);

        var change = client.SetCareTeam([Tara, Theo], CareTeamEditor.Therapist(Tara));

        Assert.Equal([Tara, Theo], Team(client));
        Assert.Equal([Theo], change.Added);
        Assert.True(change.ManagersToBeTold);
    }

    [Fact]
    public void A_therapist_handing_the_client_over_to_a_colleague_is_told_to_the_managers_too()
    {
        var client = ClientTreatedBy(Tara);

        var change = client.SetCareTeam([Uma], CareTeamEditor.Therapist(Tara));

        Assert.Equal([Uma], Team(client));
        Assert.True(change.ManagersToBeTold);
    }

    [Theory]
    [InlineData("removes a colleague")]
    [InlineData("changes who is preferred")]
    [InlineData("leaves the team")]
    public void A_therapist_on_the_team_who_adds_nobody_tells_nobody(string what)
    {
        var client = ClientTreatedBy(Tara, Theo);
        Guid[] team = what switch
        {
            "removes a colleague" => [Tara],
            "changes who is preferred" => [Theo, Tara],
            _ => [Theo],
        };

        var change = client.SetCareTeam(team, CareTeamEditor.Therapist(Tara));

        Assert.Equal(team, Team(client));
        Assert.Empty(change.Added);
        Assert.False(change.ManagersToBeTold);
    }

    [Fact]
    public void The_clinic_may_set_any_team_without_telling_the_managers()
    {
        var client = ClientTreatedBy(Tara);

        var change = client.SetCareTeam([Theo, Uma], CareTeamEditor.Clinic);

        Assert.Equal([Theo, Uma], Team(client));
        Assert.Equal([Theo, Uma], change.Added);
        Assert.False(change.ManagersToBeTold);
    }
}
