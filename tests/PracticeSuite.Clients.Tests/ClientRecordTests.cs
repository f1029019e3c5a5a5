using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PracticeSuite.Clients.Tests;

[Trait("Category", "Persistence")]
public sealed class ClientRecordTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    [Fact]
    public async Task Registering_a_client_stores_the_record_and_publishes_client_registered()
    {
        var manager = host.Manager();
        var body = Api.NewClient("Zoë", "O'Brien", phone: "07946 123456");
        var id = await manager.RegisterAsync(body);

        var record = await manager.GetJsonAsync($"/api/clients/{id}");
        Assert.Equal("Zoë O'Brien", record["displayName"]!.GetValue<string>());
        Assert.Equal("1980-05-17", record["dateOfBirth"]!.GetValue<string>());
        Assert.Equal("Medium", record["pressurePreference"]!.GetValue<string>());
        var preferences = record["contactPreferences"]!.AsArray();
        Assert.Equal(8, preferences.Count); // four kinds × e-mail and SMS
        Assert.All(preferences.Where(p => p!["channel"]!.GetValue<string>() == "Sms"), p => Assert.False(p!["allowed"]!.GetValue<bool>()));

        var outbox = await host.OutboxAsync();
        Assert.Contains(outbox, m => m.Type == "clients.client-registered.v1" && m.Payload.Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("email", "not-an-email", "Email")]
    [InlineData("phone", "call me", "Phone")]
    [InlineData("dateOfBirth", "2099-01-01", "DateOfBirth")]
    [InlineData("dateOfBirth", "1890-01-01", "DateOfBirth")]
    [InlineData("givenName", "", "GivenName")]
    [InlineData("timeZone", "Mars/Olympus", "TimeZone")]
    public async Task Bad_details_are_field_errors_and_nothing_is_saved(string field, string value, string errorKey)
    {
        var manager = host.Manager();
        var body = Api.NewClient(familyName: "Rejected" + Guid.NewGuid().ToString("N")[..6]);
        body[field] = value;
        var before = (await host.OutboxAsync()).Count;

        var response = await manager.PostAsJsonAsync("/api/clients", body);

        var errors = await response.FieldErrorsAsync();
        Assert.True(errors.ContainsKey(errorKey), $"expected an error for {errorKey}, got {errors.ToJsonString()}");
        Assert.Equal(before, (await host.OutboxAsync()).Count);
        var search = await manager.GetJsonAsync($"/api/clients?q={body["familyName"]}");
        Assert.Equal(0, search["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Likely_duplicates_are_shown_and_registration_needs_confirmation()
    {
        var manager = host.Manager();
        var email = $"dup.{Guid.NewGuid():N}@example.com";
        var first = await manager.RegisterAsync(Api.NewClient("Dana", "Duplicate", email));

        var sameEmail = await manager.GetJsonAsync($"/api/clients/duplicates?email={Uri.EscapeDataString(email.ToUpperInvariant())}");
        Assert.Equal(first, sameEmail["matches"]!.AsArray().Single()!["id"]!.GetValue<Guid>());
        var sameNameAndBirth = await manager.GetJsonAsync("/api/clients/duplicates?givenName=dana&familyName=DUPLICATE&dateOfBirth=1980-05-17");
        Assert.Contains(sameNameAndBirth["matches"]!.AsArray(), d => d!["id"]!.GetValue<Guid>() == first);
        var otherBirthday = await manager.GetJsonAsync("/api/clients/duplicates?givenName=Dana&familyName=Duplicate&dateOfBirth=1981-05-17");
        Assert.Empty(otherBirthday["matches"]!.AsArray());
        Assert.False(otherBirthday["othersExist"]!.GetValue<bool>());

        var refused = await manager.PostAsJsonAsync("/api/clients", Api.NewClient("Dana", "Duplicate"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("client.likely-duplicate", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());

        var confirmed = Api.NewClient("Dana", "Duplicate");
        confirmed["confirmedNotDuplicate"] = true;
        Assert.NotEqual(first, await manager.RegisterAsync(confirmed));
    }

    [Fact]
    public async Task Archive_restore_invite_and_care_team()
    {
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());

        (await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/care-team", new { therapistIds = new[] { People.TherapistB, People.TherapistA } })).EnsureSuccessStatusCode();
        var team = await manager.GetJsonAsync($"/api/clients/{id}/care-team");
        Assert.Equal(People.TherapistB, team["preferredTherapistId"]!.GetValue<Guid>());
        var unknown = await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/care-team", new { therapistIds = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var invite = await manager.PostAsync($"/api/clients/{id}/invite", null);
        await invite.EnsureSuccessAsync();
        Assert.Contains(host.Factory.Accounts.Invitations, i => i.LinkedId == id && i.Role == SharedKernel.Identity.PracticeRole.Client);
        Assert.True((await manager.GetJsonAsync($"/api/clients/{id}"))["hasPortalAccount"]!.GetValue<bool>());

        await (await manager.PostAsync($"/api/clients/{id}/archive", null)).EnsureSuccessAsync();
        Assert.True((await manager.GetJsonAsync($"/api/clients/{id}/summary"))["archived"]!.GetValue<bool>());
        var eligibility = await manager.GetJsonAsync($"/api/clients/{id}/eligibility");
        Assert.Contains(eligibility["blockers"]!.AsArray(), b => b!["code"]!.GetValue<string>() == "client.archived");
        await (await manager.PostAsync($"/api/clients/{id}/restore", null)).EnsureSuccessAsync();
        Assert.False((await manager.GetJsonAsync($"/api/clients/{id}/summary"))["archived"]!.GetValue<bool>());

        var types = (await host.OutboxAsync()).Where(m => m.Payload.Contains(id.ToString(), StringComparison.Ordinal)).Select(m => m.Type).ToList();
        Assert.Contains("clients.client-archived.v1", types);
        Assert.Contains("clients.client-restored.v1", types);
        Assert.Contains("clients.client-details-changed.v1", types);

        var therapistInvite = await host.Therapist(People.TherapistB).PostAsync($"/api/clients/{id}/invite", null);
        Assert.Equal(HttpStatusCode.Forbidden, therapistInvite.StatusCode);
    }

    [Fact]
    public async Task A_body_that_does_not_read_as_the_request_is_a_problem_naming_the_field_and_changes_nothing()
    {
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());
        var before = (await host.OutboxAsync()).Count;

        var response = await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/contact-preferences",
            new { preferences = new[] { new { kind = "Marketing", channel = "Email", allowed = true } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("The value of “preferences[0].kind” could not be read as one of its allowed values.", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, (await host.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Contact_preferences_are_stored_per_kind_and_channel()
    {
        var manager = host.Manager();
        var id = await manager.RegisterAsync(Api.NewClient());
        var response = await manager.SendJsonAsync(HttpMethod.Put, $"/api/clients/{id}/contact-preferences", new
        {
            preferences = new object[]
            {
                new { kind = "ReviewRequests", channel = "Email", allowed = false },
                new { kind = "AppointmentReminders", channel = "Sms", allowed = true },
            },
        });
        await response.EnsureSuccessAsync();

        var preferences = await manager.GetJsonAsync($"/api/clients/{id}/contact-preferences");
        bool Allowed(string kind, string channel) => preferences["preferences"]!.AsArray()
            .Single(p => p!["kind"]!.GetValue<string>() == kind && p["channel"]!.GetValue<string>() == channel)!["allowed"]!.GetValue<bool>();
        Assert.False(Allowed("ReviewRequests", "Email"));
        Assert.True(Allowed("AppointmentReminders", "Sms"));
        Assert.True(Allowed("PaymentReminders", "Email"));
    }
}
