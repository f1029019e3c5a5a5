using System.Diagnostics;

namespace PracticeSuite.Testing;

/// <summary>
/// Reads a PDF back the way a person's viewer would, with poppler's command-line tools (Debian package poppler-utils,
/// which build/test.sh installs): its text, its properties and its images.
/// </summary>
public static class PdfText
{
    /// <summary>The text, page after page (pages are separated by a form feed).</summary>
    public static Task<string> TextAsync(byte[] pdf) => RunAsync("pdftotext", pdf, "-enc UTF-8 {0} -");

    /// <summary>The text as laid out on the page (<c>pdftotext -layout</c>): a label and its value stay on one line.</summary>
    public static Task<string> LayoutTextAsync(byte[] pdf) => RunAsync("pdftotext", pdf, "-layout -enc UTF-8 {0} -");

    /// <summary>pdfinfo's "Name: value" lines: Title, Author, Creator, Producer, Pages.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> InfoAsync(byte[] pdf)
    {
        var output = await RunAsync("pdfinfo", pdf, "-enc UTF-8 {0}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
    }

    /// <summary>How many images the PDF draws (pdfimages -list, less its two header lines).</summary>
    public static async Task<int> ImageCountAsync(byte[] pdf) =>
        (await RunAsync("pdfimages", pdf, "-list {0}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2;

    private static async Task<string> RunAsync(string tool, byte[] pdf, string arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"practicesuite-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, $"\"{path}\""))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException($"{tool} is missing: install the Debian package poppler-utils (build/test.sh does).", exception);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{tool} could not read the PDF: {await errors}");
                }

                return await output;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
