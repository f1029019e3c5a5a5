using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Clients.Domain;
using Xunit;

namespace PracticeSuite.Clients.UnitTests;

/// <summary>What a newly registered client agrees to receive before they choose anything themselves.</summary>
public sealed class ContactPreferenceDefaultTests
{
    private static Client NewClient() => Client.Register(
        Guid.NewGuid(),
        new ClientDetails("Casey", "Client", new DateOnly(1990, 4, 2), "casey@example.org", null, null, null, null,
            "Europe/London", PressurePreference.Medium, null),
        new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc));

    private static bool Allowed(Client client, ContactKind kind, ContactChannel channel) =>
        client.ContactPreferences.Single(p => p.Kind == kind && p.Channel == channel).Allowed;

    [Fact]
    public void The_clinics_other_news_is_off_until_the_client_opts_in()
    {
        Assert.False(Allowed(NewClient(), ContactKind.Other, ContactChannel.Email));
    }

    [Theory]
    [InlineData(ContactKind.AppointmentReminders)]
    [InlineData(ContactKind.PaymentReminders)]
    [InlineData(ContactKind.ReviewRequests)]
    public void Service_messages_go_by_email_from_the_start(ContactKind kind)
    {
        Assert.True(Allowed(NewClient(), kind, ContactChannel.Email));
    }

    [Theory]
    [InlineData(ContactKind.AppointmentReminders)]
    [InlineData(ContactKind.Other)]
    public void Nothing_goes_by_sms_until_the_client_chooses_it(ContactKind kind)
    {
        Assert.False(Allowed(NewClient(), kind, ContactChannel.Sms));
    }
}
