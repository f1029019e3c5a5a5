using System.Net.Http.Json;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Clients.Tests;

/// <summary>Issue 17: a client who signs the consent is sent a PDF copy of what they signed, from the clinic.</summary>
public sealed class ConsentCopyTests(ClientsHost host) : IClassFixture<ClientsHost>
{
    private const string ConsentText = "I understand that massage may leave me sore for a day or two, and I will tell my therapist about any change in my health.";

    [Fact]
    public async Task Signing_queues_one_email_to_the_client_with_the_signed_consent_as_a_pdf()
    {
        var version = await PublishAsync();
        var email = $"consent.copy.{Guid.NewGuid():N}@example.com";
        var details = Api.NewClient("Ottilie", "Copeland", email);
        details["timeZone"] = "Europe/Paris";
        var id = await host.Manager().RegisterAsync(details);

        await (await host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/consent", new { version, typedName = "Ottilie Copeland", agreed = true })).EnsureSuccessAsync();

        var message = Assert.Single(host.Factory.Emails.Messages, m => m.ClientId == id);
        Assert.Equal(email, message.To);
        Assert.Equal("Your signed consent to treatment", message.Subject);
        Assert.Equal("consent-copy", message.Kind);
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal(("consent-to-treatment.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));

        var text = Flatten(await PdfText.LayoutTextAsync(attachment.Content));
        AssertIn(text, "Consent to treatment");
        AssertIn(text, "I understand that massage may leave me sore for a day or two");
        AssertIn(text, "Signed by Ottilie Copeland");
        AssertIn(text, $"Version {version}");
        // The clinic's clock stands at 20 Nov 2026, 10:00 UTC: London is on GMT, Paris an hour ahead.
        AssertIn(text, "20 Nov 2026, 10:00 London time (20 Nov 2026, 11:00 Paris time)");
    }

    [Fact]
    public async Task A_client_without_an_email_address_signs_and_no_email_is_queued()
    {
        var version = await PublishAsync();
        var details = Api.NewClient("Wilfred", "Nomail");
        details["email"] = null;
        var id = await host.Manager().RegisterAsync(details);

        await (await host.ClientUser(id).PostAsJsonAsync($"/api/clients/{id}/consent", new { version, typedName = "Wilfred Nomail", agreed = true })).EnsureSuccessAsync();

        var status = await host.ClientUser(id).GetJsonAsync($"/api/clients/{id}/consent");
        Assert.Equal(version, status["signedVersion"]!.GetValue<int>());
        Assert.DoesNotContain(host.Factory.Emails.Messages, m => m.ClientId == id);
    }

    /// <summary>Publishes <see cref="ConsentText"/> unless it is already the current text; the current version.</summary>
    private async Task<int> PublishAsync()
    {
        var manager = host.Manager();
        var current = await manager.GetJsonAsync("/api/clients/consent");
        if (current["text"]!.GetValue<string>() != ConsentText)
        {
            await (await manager.PutAsJsonAsync("/api/clients/consent", new { text = ConsentText })).EnsureSuccessAsync();
        }

        return (await manager.GetJsonAsync("/api/clients/consent"))["version"]!.GetValue<int>();
    }

    private static void AssertIn(string text, string expected) => Assert.True(text.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" is not in the PDF's text: {text}");

    /// <summary>The PDF's words with its line breaks and column gaps as single spaces, so wrapped text reads as one line.</summary>
    private static string Flatten(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
}
