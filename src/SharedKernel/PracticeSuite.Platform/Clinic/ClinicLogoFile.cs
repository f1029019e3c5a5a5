namespace PracticeSuite.Platform.Clinic;

/// <summary>
/// An uploaded logo, accepted only as a PNG or a JPEG of at most <see cref="MaxBytes"/>. The type is read from the
/// file's first bytes, never from its name or the browser's word: a page shows it as an image, and a PDF embeds it.
/// </summary>
internal static class ClinicLogoFile
{
    public const int MaxBytes = 512 * 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <summary>The image's content type, or null when its bytes are neither a PNG nor a JPEG.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith(PngSignature) ? "image/png"
        : content.StartsWith(JpegSignature) ? "image/jpeg"
        : null;

    /// <summary>Reads an upload: its bytes and type, or a message in plain words saying why it is refused.</summary>
    public static async Task<(byte[]? Content, string? ContentType, string? Problem)> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return (null, null, "The file is empty. Choose a PNG or JPEG image.");
        }

        if (file.Length > MaxBytes)
        {
            return (null, null, $"The logo is {file.Length / 1024} KB; it may be at most {MaxBytes / 1024} KB. Save it smaller and try again.");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        var content = buffer.ToArray();
        return ContentTypeOf(content) is { } contentType
            ? (content, contentType, null)
            : (null, null, "That file is not a PNG or JPEG image. Choose a .png or .jpg file.");
    }
}
