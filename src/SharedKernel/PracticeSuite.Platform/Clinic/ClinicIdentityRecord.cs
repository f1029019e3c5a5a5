namespace PracticeSuite.Platform.Clinic;

/// <summary>The clinic's identity as stored: one row, written when a manager first saves it (or demo mode seeds it).</summary>
internal sealed class ClinicIdentityRecord
{
    public const string Table = "clinic_identity";

    /// <summary>Always <see cref="TheClinic"/>: one installation is one clinic.</summary>
    public int Id { get; set; }

    public const int TheClinic = 1;

    public string Name { get; set; } = "";

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? TaxNumber { get; set; }

    public string? SenderName { get; set; }

    public string? SenderAddress { get; set; }

    public byte[]? Logo { get; set; }

    public string? LogoContentType { get; set; }

    /// <summary>Counts logo uploads; the logo's address carries it, so a browser's copy of an old logo is never shown.</summary>
    public int LogoVersion { get; set; }

    public DateTime UpdatedAt { get; set; }
}
