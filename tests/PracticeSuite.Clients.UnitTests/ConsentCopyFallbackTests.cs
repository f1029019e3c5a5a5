using Microsoft.Extensions.Logging;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Features.Consent;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;
using Xunit;

namespace PracticeSuite.Clients.UnitTests;

/// <summary>Without the PDF fonts on the server the client still gets their copy, as text, and the signature stands.</summary>
public sealed class ConsentCopyFallbackTests
{
    [Fact]
    public async Task Without_the_pdf_fonts_the_copy_goes_without_its_pdf_and_carries_the_consent_text_in_its_body()
    {
        var sender = new KeptMessages();
        var logger = new WarningCount();
        var copy = new ConsentCopy(sender, new NoFonts(), new ClinicCalendar(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")), logger);
        var client = Client.Register(Guid.NewGuid(), new ClientDetails("Ada", "Lovelace", new DateOnly(1985, 3, 14), "ada@example.com", null, null, null, null,
            "Europe/London", PressurePreference.Medium, null), new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc));
        var signature = ConsentSignature.Sign(client.Id, 3, "Ada Lovelace", new DateTime(2026, 11, 20, 10, 30, 0, DateTimeKind.Utc), "203.0.113.7");

        await copy.QueueAsync(client, signature, new ConsentTextVersion(3, "I agree to be treated with care.", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), null), CancellationToken.None);

        var message = Assert.Single(sender.Messages);
        Assert.Equal(("ada@example.com", "Your signed consent to treatment", client.Id), (message.To, message.Subject, message.ClientId));
        Assert.Null(message.Attachments);
        Assert.Contains("I agree to be treated with care.", message.TextBody);
        Assert.Contains("Signed by: Ada Lovelace\nClient: Ada Lovelace\nVersion: 3\nSigned at: 20 Nov 2026, 10:30 London time\nFrom: 203.0.113.7", message.TextBody);
        Assert.Equal(1, logger.Warnings);
    }

    private sealed class NoFonts : IPdfDocuments
    {
        public Task<byte[]> RenderAsync(PrintableDocument document, CancellationToken cancellationToken) =>
            throw new FontsMissingException("PDFs cannot be made: the font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf is missing.");
    }

    private sealed class KeptMessages : IEmailSender
    {
        public List<EmailMessage> Messages { get; } = [];

        public Task QueueAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Messages.Add(message);
            return Task.CompletedTask;
        }
    }

    private sealed class WarningCount : ILogger<ConsentCopy>
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Warnings += logLevel == LogLevel.Warning ? 1 : 0;
    }
}
