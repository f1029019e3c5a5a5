using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using PracticeSuite.Platform.Documents;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.Testing;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// The platform's PDFs, read back with poppler as a person's viewer reads them: the letterhead, headings, values with
/// accents and the euro sign, page numbers, a table's header on every page it runs over, the document's properties.
/// </summary>
public sealed class PdfDocumentTests
{
    private static readonly ClinicIdentity Clinic = new(
        "Clínica Müller — Neuromuscular Therapy",
        "Hauptstraße 5\n10115 Berlin",
        "+49 30 901820",
        "DE 123 456 789",
        null,
        null,
        null);

    private static Task<byte[]> RenderAsync(PrintableDocument document, ClinicIdentity? clinic = null) =>
        new PdfDocuments(new FixedClinic(clinic ?? Clinic), NullLogger<PdfDocuments>.Instance).RenderAsync(document, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_document_is_printed_on_the_clinics_letterhead_and_reads_back_with_its_accents()
    {
        var pdf = await RenderAsync(new PrintableDocument("Receipt", "For Zoë Faßbender", [
            new PrintableSection("Treatment", [
                new PrintableFields([new PrintableField("Service", "Massage — 60 min, café-side room"), new PrintableField("Price", "72,50 €")]),
                new PrintableParagraph("Thank you for your visit."),
            ]),
        ]));

        var text = await PdfText.TextAsync(pdf);
        Assert.Contains("Clínica Müller — Neuromuscular Therapy", text);
        Assert.Contains("Hauptstraße 5", text);          // the letterhead: address, phone, tax number
        Assert.Contains("10115 Berlin", text);
        Assert.Contains("+49 30 901820", text);
        Assert.Contains("DE 123 456 789", text);
        Assert.Contains("For Zoë Faßbender", text);
        Assert.Contains("Treatment", text);
        Assert.Contains("Massage — 60 min, café-side room", text);
        Assert.Contains("72,50 €", text);
        Assert.Contains("Page 1 of 1", text);
    }

    [Fact]
    public async Task A_long_table_continues_on_the_next_page_under_its_header_and_every_page_is_numbered()
    {
        var rows = Enumerable.Range(1, 50).Select(i => (IReadOnlyList<string>)[$"2026-12-{i % 28 + 1:00}", $"Visit number {i}", "45,00 €"]).ToList();
        var pdf = await RenderAsync(new PrintableDocument("Statement", null, [
            new PrintableSection("Visits", [new PrintableTable(["Visit date", "What was done", "Amount"], rows)]),
        ]));

        var info = await PdfText.InfoAsync(pdf);
        Assert.Equal("2", info["Pages"]);
        var text = await PdfText.TextAsync(pdf);
        var pages = text.Split('\f');
        Assert.Contains("Page 1 of 2", pages[0]);
        Assert.Contains("Page 2 of 2", pages[1]);
        Assert.Contains("Visit date", pages[0]);
        Assert.Contains("Visit date", pages[1]);          // the header again where the table continues
        Assert.Contains("What was done", pages[1]);
        Assert.Contains("Visit number 1\n", pages[0] + "\n");
        Assert.Contains("Visit number 50", pages[1]);
    }

    [Fact]
    public async Task Long_text_wraps_within_the_page_instead_of_running_off_it()
    {
        var words = string.Join(' ', Enumerable.Range(1, 120).Select(i => $"word{i}"));
        var pdf = await RenderAsync(new PrintableDocument("Notes", null, [new PrintableSection("Notes", [new PrintableParagraph(words)])]));

        var text = await PdfText.TextAsync(pdf);
        var lines = text.Split('\n').Where(l => l.Contains("word", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= 5, $"expected the paragraph over several lines, got {lines.Count}");
        Assert.Contains("word120", text); // nothing lost past the right margin
    }

    [Fact]
    public async Task Its_properties_name_the_document_and_the_clinic()
    {
        var pdf = await RenderAsync(new PrintableDocument("Personal data export", "Ana Lopez", [new PrintableSection("Record", [new PrintableParagraph("—")])]));

        var info = await PdfText.InfoAsync(pdf);
        Assert.Equal("Personal data export", info["Title"]);
        Assert.Equal("Clínica Müller — Neuromuscular Therapy", info["Author"]);
        Assert.Equal("Clínica Müller — Neuromuscular Therapy", info["Creator"]);
        Assert.Contains("PDFsharp", info["Producer"]);
    }

    [Fact]
    public async Task The_clinics_logo_is_on_the_letterhead_when_it_has_one()
    {
        var document = new PrintableDocument("Receipt", null, [new PrintableSection("Treatment", [new PrintableParagraph("Massage")])]);
        var withLogo = Clinic with { Logo = new ClinicLogo(TestImages.Png(), "image/png", 1) };

        Assert.Equal(1, await PdfText.ImageCountAsync(await RenderAsync(document, withLogo)));
        Assert.Equal(0, await PdfText.ImageCountAsync(await RenderAsync(document)));
    }

    [Fact]
    public async Task A_logo_the_pdf_cannot_read_leaves_the_letterhead_without_it_not_the_clinic_without_a_pdf()
    {
        var broken = Clinic with { Logo = new ClinicLogo([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "image/png", 2) };
        var pdf = await RenderAsync(new PrintableDocument("Receipt", null, [new PrintableSection("Treatment", [new PrintableParagraph("Massage")])]), broken);

        Assert.Contains("Hauptstraße 5", await PdfText.TextAsync(pdf));
    }

    [Fact]
    public void Without_the_fonts_the_message_names_the_debian_package()
    {
        var missing = Assert.Throws<FontsMissingException>(() => DejaVuFonts.Load(Path.Combine(Path.GetTempPath(), "no-fonts-here")));
        Assert.Contains("fonts-dejavu-core", missing.Message);
        Assert.Matches(new Regex("DejaVuSans\\.ttf is missing"), missing.Message);

        var answered = PracticeSuite.Platform.Web.ApiExceptionHandler.ToProblem(missing); // a download says so, not "unexpected error"
        Assert.Equal(503, answered.Status);
        Assert.Contains("fonts-dejavu-core", answered.Detail);
    }

    private sealed class FixedClinic(ClinicIdentity identity) : IClinicIdentity
    {
        public Task<ClinicIdentity> GetAsync(CancellationToken cancellationToken) => Task.FromResult(identity);
    }
}
