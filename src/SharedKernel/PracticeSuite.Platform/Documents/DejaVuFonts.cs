using PdfSharp.Fonts;
using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Documents;

/// <summary>
/// PDFsharp's fonts: Debian's DejaVu Sans (package fonts-dejavu-core), which covers accented Latin, Greek, Cyrillic,
/// the euro sign and typographic dashes. PDFsharp reads fonts through one resolver per process, set before its first
/// font, so <see cref="EnsureInstalled"/> sets it once; oblique text is slanted from the upright face, since the
/// oblique files are not in fonts-dejavu-core.
/// </summary>
internal sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DebianPackage = "fonts-dejavu-core";
    public const string DefaultFolder = "/usr/share/fonts/truetype/dejavu";
    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private static readonly Lock Installing = new();
    private static bool _installed;

    private readonly Dictionary<string, byte[]> _faces;

    private DejaVuFonts(Dictionary<string, byte[]> faces) => _faces = faces;

    /// <summary>Sets the resolver over <paramref name="folder"/> unless one is set; throws <see cref="FontsMissingException"/> when the files are not there.</summary>
    public static void EnsureInstalled(string folder = DefaultFolder)
    {
        lock (Installing)
        {
            if (_installed)
            {
                return;
            }

            GlobalFontSettings.FontResolver = Load(folder);
            _installed = true;
        }
    }

    /// <summary>Reads both faces, or says in plain words which package to install.</summary>
    public static DejaVuFonts Load(string folder)
    {
        var faces = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in new[] { RegularFile, BoldFile })
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new FontsMissingException(
                    $"PDFs cannot be made: the font {path} is missing. Install the Debian package {DebianPackage} (apt-get install {DebianPackage}) and try again.");
            }

            faces[file] = File.ReadAllBytes(path);
        }

        return new DejaVuFonts(faces);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family is drawn in DejaVu Sans: the documents name no other, and a missing glyph must never drop text.
        new(bold ? BoldFile : RegularFile, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
}
