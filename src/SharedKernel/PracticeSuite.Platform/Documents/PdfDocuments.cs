using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Documents;

/// <summary>The platform's PDFs: the clinic's identity from memory, then the layout (<see cref="PdfLayout"/>).</summary>
internal sealed class PdfDocuments(IClinicIdentity clinic, ILogger<PdfDocuments> logger) : IPdfDocuments
{
    public async Task<byte[]> RenderAsync(PrintableDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var identity = await clinic.GetAsync(cancellationToken);
        DejaVuFonts.EnsureInstalled();
        return new PdfLayout(identity, document, logger).Render(cancellationToken);
    }
}
