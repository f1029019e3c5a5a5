using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Documents;

/// <summary>
/// Lays one document out on A4 pages with PDFsharp's drawing API: the letterhead on the first page, a running head
/// on the others, text wrapped to the width, and a footer with "Page n of m" drawn once the number of pages is known.
/// Single use: one instance renders one document.
/// </summary>
internal sealed class PdfLayout
{
    private const double PageWidth = 595.28;  // A4 in points
    private const double PageHeight = 841.89;
    private const double Margin = 50;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double ContentBottom = PageHeight - 64; // the footer sits below
    private const double FooterTop = PageHeight - 42;
    private const double CellPadding = 4;
    private const double LogoMaxWidth = 150;
    private const double LogoMaxHeight = 64;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode); // text beyond Windows-1252 (€, —, ß) and extractable
    private static readonly XColor Ink = XColor.FromArgb(33, 37, 41);
    private static readonly XBrush InkBrush = new XSolidBrush(Ink);
    private static readonly XBrush MutedBrush = new XSolidBrush(XColor.FromArgb(90, 96, 104));
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(233, 236, 239));
    private static readonly XPen RulePen = new(XColor.FromArgb(173, 181, 189), 0.6);

    private readonly XFont _clinicName = Font(15, bold: true);
    private readonly XFont _small = Font(8.5);
    private readonly XFont _title = Font(17, bold: true);
    private readonly XFont _subtitle = Font(10.5);
    private readonly XFont _sectionHeading = Font(13, bold: true);
    private readonly XFont _heading = Font(11, bold: true);
    private readonly XFont _body = Font(10);
    private readonly XFont _label = Font(9.5, bold: true);
    private readonly XFont _tableHeader = Font(9, bold: true);
    private readonly XFont _tableCell = Font(9);

    private readonly ClinicIdentity _clinic;
    private readonly PrintableDocument _document;
    private readonly ILogger _logger;
    private readonly PdfDocument _pdf = new();
    private readonly List<XGraphics> _pages = [];
    private XGraphics _page = null!;
    private double _y;
    private Action? _continueOnNewPage; // a table's header, drawn again at the top of each page it continues on

    public PdfLayout(ClinicIdentity clinic, PrintableDocument document, ILogger logger)
    {
        _clinic = clinic;
        _document = document;
        _logger = logger;
    }

    public byte[] Render(CancellationToken cancellationToken)
    {
        _pdf.Info.Title = _document.Title;
        _pdf.Info.Subject = _document.Subtitle ?? "";
        _pdf.Info.Author = _clinic.Name;
        _pdf.Info.Creator = _clinic.Name; // the producer field names PDFsharp, as it always does

        NewPage();
        DrawLetterhead();
        Paragraph(_document.Title, _title, InkBrush);
        if (!string.IsNullOrWhiteSpace(_document.Subtitle))
        {
            _y += 2;
            Paragraph(_document.Subtitle, _subtitle, MutedBrush);
        }

        _y += 12;
        foreach (var section in _document.Sections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DrawSection(section);
        }

        DrawFooters();
        foreach (var page in _pages)
        {
            page.Dispose();
        }

        using var output = new MemoryStream();
        _pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static XFont Font(double size, bool bold = false) =>
        new(DejaVuFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    private void NewPage()
    {
        var page = _pdf.AddPage();
        page.Size = PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        _pages.Add(_page);
        _y = Margin;
        if (_pages.Count > 1)
        {
            DrawRunningHead();
        }

        _continueOnNewPage?.Invoke();
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    private void Ensure(double height)
    {
        if (_y + height > ContentBottom)
        {
            NewPage();
        }
    }

    private static double Space => ContentBottom - Margin;

    private void DrawLetterhead()
    {
        var textWidth = ContentWidth;
        var logoBottom = _y;
        if (_clinic.Logo is { } logo && LoadImage(logo) is { } image)
        {
            using (image)
            {
                var scale = Math.Min(LogoMaxWidth / image.PointWidth, LogoMaxHeight / image.PointHeight);
                scale = Math.Min(scale, 1);
                var (width, height) = (image.PointWidth * scale, image.PointHeight * scale);
                _page.DrawImage(image, Margin + ContentWidth - width, _y, width, height);
                textWidth -= width + 16;
                logoBottom = _y + height;
            }
        }

        Lines(Wrap(_clinic.Name, _clinicName, textWidth), _clinicName, InkBrush, Margin);
        _y += 3;
        var details = new List<string>(_clinic.AddressLines);
        if (_clinic.Phone is { } phone)
        {
            details.Add($"Phone {phone}");
        }

        if (_clinic.TaxNumber is { } taxNumber)
        {
            details.Add($"Tax number {taxNumber}");
        }

        foreach (var line in details)
        {
            Lines(Wrap(line, _small, textWidth), _small, MutedBrush, Margin);
        }

        _y = Math.Max(_y, logoBottom) + 8;
        _page.DrawLine(RulePen, Margin, _y, Margin + ContentWidth, _y);
        _y += 16;
    }

    /// <summary>The logo as PDFsharp reads it; an image it cannot read leaves the letterhead without a logo, never without a PDF.</summary>
    private XImage? LoadImage(ClinicLogo logo)
    {
        try
        {
            return XImage.FromStream(new MemoryStream(logo.Content, writable: false));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.LogWarning(exception, "The clinic's logo (version {Version}, {ContentType}) could not be read; the PDF is made without it", logo.Version, logo.ContentType);
            return null;
        }
    }

    private void DrawRunningHead()
    {
        var title = Fit(_document.Title, _small, ContentWidth / 2);
        var name = Fit(_clinic.Name, _small, ContentWidth / 2 - 12);
        _page.DrawString(name, _small, MutedBrush, Margin, _y, XStringFormats.TopLeft);
        _page.DrawString(title, _small, MutedBrush, Margin + ContentWidth - Measure(title, _small), _y, XStringFormats.TopLeft);
        _y += _small.GetHeight() + 4;
        _page.DrawLine(RulePen, Margin, _y, Margin + ContentWidth, _y);
        _y += 12;
    }

    private void DrawFooters()
    {
        for (var index = 0; index < _pages.Count; index++)
        {
            var page = _pages[index];
            var number = $"Page {index + 1} of {_pages.Count}";
            page.DrawLine(RulePen, Margin, FooterTop - 6, Margin + ContentWidth, FooterTop - 6);
            page.DrawString(Fit(_clinic.Name, _small, ContentWidth - 100), _small, MutedBrush, Margin, FooterTop, XStringFormats.TopLeft);
            page.DrawString(number, _small, MutedBrush, Margin + ContentWidth - page.MeasureString(number, _small).Width, FooterTop, XStringFormats.TopLeft);
        }
    }

    private void DrawSection(PrintableSection section)
    {
        // A heading never ends a page: it goes with at least two lines of what follows.
        Ensure(_sectionHeading.GetHeight() + 2 * _body.GetHeight() + 6);
        Paragraph(section.Heading, _sectionHeading, InkBrush);
        _y += 6;
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case PrintableHeading heading:
                    _y += 4;
                    Ensure(_heading.GetHeight() + 2 * _body.GetHeight());
                    Paragraph(heading.Text, _heading, InkBrush);
                    _y += 3;
                    break;
                case PrintableParagraph paragraph:
                    Paragraph(paragraph.Text, _body, InkBrush);
                    _y += 6;
                    break;
                case PrintableFields fields:
                    DrawFields(fields);
                    _y += 6;
                    break;
                case PrintableTable table:
                    DrawTable(table);
                    _y += 8;
                    break;
                default:
                    throw new NotSupportedException($"A {block.GetType().Name} cannot be printed.");
            }
        }

        _y += 10;
    }

    private void Paragraph(string text, XFont font, XBrush brush) => Lines(Wrap(text, font, ContentWidth), font, brush, Margin);

    /// <summary>Writes lines one under the other, going on to a new page where one would not fit.</summary>
    private void Lines(IReadOnlyList<string> lines, XFont font, XBrush brush, double x)
    {
        var height = font.GetHeight();
        foreach (var line in lines)
        {
            Ensure(height);
            _page.DrawString(line, font, brush, x, _y, XStringFormats.TopLeft);
            _y += height;
        }
    }

    private void DrawFields(PrintableFields fields)
    {
        const double gap = 10;
        var labelWidth = ContentWidth * 0.32;
        var valueWidth = ContentWidth - labelWidth - gap;
        var height = _body.GetHeight();
        foreach (var field in fields.Fields)
        {
            var label = Wrap(field.Label, _label, labelWidth);
            var value = Wrap(string.IsNullOrWhiteSpace(field.Value) ? "—" : field.Value, _body, valueWidth);
            var lines = Math.Max(label.Count, value.Count);
            if (_y + lines * height > ContentBottom && lines * height <= Space)
            {
                NewPage(); // keep a row together when it fits on a page at all
            }

            for (var line = 0; line < lines; line++)
            {
                Ensure(height);
                if (line < label.Count)
                {
                    _page.DrawString(label[line], _label, MutedBrush, Margin, _y, XStringFormats.TopLeft);
                }

                if (line < value.Count)
                {
                    _page.DrawString(value[line], _body, InkBrush, Margin + labelWidth + gap, _y, XStringFormats.TopLeft);
                }

                _y += height;
            }

            _y += 3;
        }
    }

    private void DrawTable(PrintableTable table)
    {
        if (table.Columns.Count == 0)
        {
            return;
        }

        var widths = ColumnWidths(table);
        var headers = table.Columns.Select((column, index) => Wrap(column, _tableHeader, widths[index] - 2 * CellPadding)).ToList();
        var headerHeight = headers.Max(h => h.Count) * _tableHeader.GetHeight() + 2 * CellPadding;
        var cellHeight = _tableCell.GetHeight();

        void DrawHeader()
        {
            _page.DrawRectangle(HeaderFill, new XRect(Margin, _y, widths.Sum(), headerHeight));
            var x = Margin;
            for (var column = 0; column < headers.Count; column++)
            {
                var y = _y + CellPadding;
                foreach (var line in headers[column])
                {
                    _page.DrawString(line, _tableHeader, InkBrush, x + CellPadding, y, XStringFormats.TopLeft);
                    y += _tableHeader.GetHeight();
                }

                x += widths[column];
            }

            _y += headerHeight;
        }

        Ensure(headerHeight + cellHeight + 2 * CellPadding);
        DrawHeader();
        _continueOnNewPage = DrawHeader;
        try
        {
            foreach (var row in table.Rows)
            {
                var cells = widths.Select((width, index) =>
                    Wrap(index < row.Count && !string.IsNullOrWhiteSpace(row[index]) ? row[index] : "—", _tableCell, width - 2 * CellPadding)).ToList();
                var lines = cells.Max(c => c.Count);
                var rowHeight = lines * cellHeight + 2 * CellPadding;
                if (_y + rowHeight > ContentBottom && rowHeight <= Space - headerHeight)
                {
                    NewPage(); // the header comes first on the new page
                }

                _y += CellPadding;
                for (var line = 0; line < lines; line++)
                {
                    Ensure(cellHeight + CellPadding);
                    var x = Margin;
                    for (var column = 0; column < cells.Count; column++)
                    {
                        if (line < cells[column].Count)
                        {
                            _page.DrawString(cells[column][line], _tableCell, InkBrush, x + CellPadding, _y, XStringFormats.TopLeft);
                        }

                        x += widths[column];
                    }

                    _y += cellHeight;
                }

                _y += CellPadding;
                _page.DrawLine(RulePen, Margin, _y, Margin + widths.Sum(), _y);
            }
        }
        finally
        {
            _continueOnNewPage = null;
        }
    }

    /// <summary>Each column as wide as its longest text wants, within bounds, scaled to the page's width.</summary>
    private double[] ColumnWidths(PrintableTable table)
    {
        var count = table.Columns.Count;
        var wanted = new double[count];
        for (var column = 0; column < count; column++)
        {
            var widest = Measure(table.Columns[column], _tableHeader);
            foreach (var row in table.Rows)
            {
                if (column < row.Count && row[column] is { Length: > 0 } cell)
                {
                    widest = Math.Max(widest, Measure(cell, _tableCell));
                }
            }

            wanted[column] = Math.Clamp(widest + 2 * CellPadding, 48, ContentWidth / 2);
        }

        var scale = ContentWidth / wanted.Sum();
        return wanted.Select(w => w * scale).ToArray();
    }

    private double Measure(string text, XFont font) => _page.MeasureString(text, font).Width;

    /// <summary>The text cut to <paramref name="width"/> with an ellipsis, for one-line places such as the running head.</summary>
    private string Fit(string text, XFont font, double width)
    {
        if (Measure(text, font) <= width)
        {
            return text;
        }

        var end = text.Length;
        while (end > 1 && Measure(text[..end] + "…", font) > width)
        {
            end--;
        }

        return text[..end].TrimEnd() + "…";
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at spaces, keeping its own line breaks; a word
    /// wider than a line (a long address, a URL) is broken between characters.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Measure(line, font) > width && line.Length > 1)
                {
                    var fits = 1;
                    while (fits < line.Length && Measure(line[..(fits + 1)], font) <= width)
                    {
                        fits++;
                    }

                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
