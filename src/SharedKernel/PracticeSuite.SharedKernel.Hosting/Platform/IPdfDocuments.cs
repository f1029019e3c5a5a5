namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// Renders a printable document as a PDF on the clinic's letterhead (name, address, phone, tax number, logo), with
/// page numbers. A module describes what to print; the platform lays it out: text wraps, long tables continue on
/// the next page under their header again.
/// </summary>
public interface IPdfDocuments
{
    /// <summary>The PDF's bytes. Fails with <see cref="FontsMissingException"/>, naming the Debian package, when the fonts it needs are missing.</summary>
    Task<byte[]> RenderAsync(PrintableDocument document, CancellationToken cancellationToken);
}

/// <param name="Title">The document's heading and its title in the PDF's properties.</param>
/// <param name="Subtitle">A line under the title, e.g. whom the document is about and when it was made.</param>
public sealed record PrintableDocument(string Title, string? Subtitle, IReadOnlyList<PrintableSection> Sections);

/// <summary>A part of a document under its own heading.</summary>
public sealed record PrintableSection(string Heading, IReadOnlyList<PrintableBlock> Blocks);

/// <summary>One thing a section shows: a heading, a paragraph, label–value rows or a table.</summary>
public abstract record PrintableBlock;

/// <summary>A heading inside a section, for a group of blocks.</summary>
public sealed record PrintableHeading(string Text) : PrintableBlock;

/// <summary>Text that wraps to the page's width; a line break in it starts a new line.</summary>
public sealed record PrintableParagraph(string Text) : PrintableBlock;

/// <summary>Rows of a label beside its value, such as "Date of birth — 1985-03-14".</summary>
public sealed record PrintableFields(IReadOnlyList<PrintableField> Fields) : PrintableBlock;

public sealed record PrintableField(string Label, string Value);

/// <summary>A table; each row has one cell per column. Rows that do not fit continue on the next page under the header again.</summary>
public sealed record PrintableTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : PrintableBlock;

/// <summary>
/// The fonts PDFs are set in are not installed on the server; the message names the package. Public so a module whose
/// PDF is a convenience (a copy sent by e-mail) can go on without it.
/// </summary>
public sealed class FontsMissingException(string message) : InvalidOperationException(message);
