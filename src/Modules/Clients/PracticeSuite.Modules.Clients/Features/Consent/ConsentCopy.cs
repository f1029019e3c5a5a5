using System.Globalization;
using Microsoft.Extensions.Logging;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Consent;

/// <summary>
/// The client's copy of what they signed (issue 17): an e-mail from the clinic with the signed consent as a PDF, queued
/// with the signature. Without the PDF fonts on the server the text goes in the body instead: a missing font package
/// must never cost the clinic a signature.
/// </summary>
internal sealed partial class ConsentCopy(IEmailSender email, IPdfDocuments pdf, ClinicCalendar calendar, ILogger<ConsentCopy> logger)
{
    public const string Kind = "consent-copy";
    public const string Subject = "Your signed consent to treatment";
    public const string Title = "Consent to treatment";
    public const string FileName = "consent-to-treatment.pdf";

    private const string TimeFormat = ClinicCalendar.DisplayFormat;

    /// <summary>Queues the copy to the client's address; a client without one gets none.</summary>
    public async Task QueueAsync(Client client, ConsentSignature signature, ConsentTextVersion text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(client.Email))
        {
            return;
        }

        var fields = Fields(client, signature);
        var greeting = $"Dear {client.GivenName},\n\nThank you for signing the clinic's consent to treatment (version {signature.ConsentVersion}).";
        byte[]? document = null;
        try
        {
            document = await pdf.RenderAsync(new PrintableDocument(Title, null,
            [
                new PrintableSection($"Version {signature.ConsentVersion}", [new PrintableParagraph(text.Text)]),
                new PrintableSection("Signature", [new PrintableFields(fields)]),
            ]), cancellationToken);
        }
        catch (FontsMissingException exception)
        {
            LogPdfUnavailable(logger, exception, signature.Id);
        }

        var body = document is not null
            ? $"{greeting} A copy of what you signed is attached as a PDF; please keep it for your records."
            : $"{greeting} This is a copy of what you signed; please keep it for your records.\n\n{Title}\n\n{text.Text.Trim()}\n\n"
              + string.Join("\n", fields.Select(f => $"{f.Label}: {f.Value}"));
        await email.QueueAsync(new EmailMessage(client.Email, Subject, body, null, Kind, $"{Kind}:{signature.Id}", client.Id,
            document is null ? null : [new EmailAttachment(FileName, "application/pdf", document)]), cancellationToken);
    }

    private List<PrintableField> Fields(Client client, ConsentSignature signature) =>
    [
        new("Signed by", signature.TypedName),
        new("Client", $"{client.GivenName} {client.FamilyName}"),
        new("Version", signature.ConsentVersion.ToString(CultureInfo.InvariantCulture)),
        new("Signed at", SignedAt(signature.SignedAt, client.TimeZone)),
        new("From", signature.IpAddress ?? "unknown"),
    ];

    /// <summary>"20 Nov 2026, 10:30 London time", followed by the client's own time when their zone is another.</summary>
    private string SignedAt(DateTime signedAtUtc, string clientTimeZoneId)
    {
        var utc = DateTime.SpecifyKind(signedAtUtc, DateTimeKind.Utc);
        var clinicTime = $"{calendar.ToClinicTime(utc).ToString(TimeFormat, CultureInfo.InvariantCulture)} {ClinicCalendar.PlaceName(calendar.TimeZoneId)} time";
        if (calendar.ZoneShowingOtherTime(clientTimeZoneId, utc) is not { } clientZone)
        {
            return clinicTime;
        }

        var clientTime = TimeZoneInfo.ConvertTimeFromUtc(utc, clientZone).ToString(TimeFormat, CultureInfo.InvariantCulture);
        return $"{clinicTime} ({clientTime} {ClinicCalendar.PlaceName(clientZone.Id)} time)";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The consent copy for signature {SignatureId} is sent without its PDF: the PDF fonts are missing")]
    private static partial void LogPdfUnavailable(ILogger logger, Exception exception, Guid signatureId);
}
