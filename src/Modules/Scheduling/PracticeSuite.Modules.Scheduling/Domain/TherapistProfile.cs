namespace PracticeSuite.Modules.Scheduling.Domain;

/// <summary>
/// What the clinic shows of a therapist beyond their name (which is their account's): a short biography and a photo for
/// the public booking page, and the licences and certifications that decide whether they may be booked. Keyed by the
/// therapist's id; a therapist whose profile was never edited has none (no biography, no photo, no credentials).
/// </summary>
internal sealed class TherapistProfile
{
    public const int MaxBioLength = 1000;

    public Guid TherapistId { get; set; }

    public string Bio { get; set; } = "";

    public byte[]? Photo { get; set; }

    public string? PhotoContentType { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A licence or certification with its expiry date. A lapsed licence stops bookings.</summary>
internal sealed class TherapistCredential
{
    public const int TitleLength = 200;
    public const int NumberLength = 100;

    public Guid Id { get; set; }

    public Guid TherapistId { get; set; }

    public CredentialKind Kind { get; set; }

    /// <summary>What it is, e.g. "Massage therapy licence" or "Neuromuscular therapy certification".</summary>
    public string Title { get; set; } = "";

    public string Number { get; set; } = "";

    public string Issuer { get; set; } = "";

    public DateOnly ExpiresOn { get; set; }
}

internal enum CredentialKind
{
    /// <summary>Required to practise: once lapsed, the therapist may not be booked.</summary>
    Licence,

    /// <summary>A qualification shown on the profile; its expiry warns but does not stop bookings.</summary>
    Certification,
}

/// <summary>The rules on credentials, judged on the clinic's date (the day the clinic sees, not UTC's).</summary>
internal static class Credentials
{
    /// <summary>How far ahead a manager is warned about an expiring licence or certification.</summary>
    public const int WarningDays = 30;

    /// <summary>A credential is valid through its expiry date and lapsed from the day after.</summary>
    public static bool HasLapsed(TherapistCredential credential, DateOnly today) => credential.ExpiresOn < today;

    public static bool LicenceLapsed(IEnumerable<TherapistCredential> credentials, DateOnly today) =>
        credentials.Any(c => c.Kind == CredentialKind.Licence && HasLapsed(c, today));

    /// <summary>Lapsed, or lapsing within <see cref="WarningDays"/> days.</summary>
    public static bool NeedsAttention(TherapistCredential credential, DateOnly today) => credential.ExpiresOn <= WarningHorizon(today);

    public static DateOnly WarningHorizon(DateOnly today) => today.AddDays(WarningDays);
}

/// <summary>The photos a profile accepts: PNG, JPEG or WebP, recognised by their first bytes (not the name or the browser's word).</summary>
internal static class ProfilePhotos
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The image's content type, or null when the bytes are not a PNG, JPEG or WebP image.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        return bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : null;
    }
}
