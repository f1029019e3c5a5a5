namespace PracticeSuite.SharedKernel.Hosting.Platform;

/// <summary>
/// Who the clinic is, as its pages, e-mails and documents present it: clients see the clinic, not the software. A
/// manager edits it on <c>/Manage/Clinic</c>; until then the name is <c>Clinic:Name</c> from configuration, or
/// <see cref="ClinicIdentity.DefaultName"/>. Answered from memory; a save refreshes it at once.
/// </summary>
public interface IClinicIdentity
{
    Task<ClinicIdentity> GetAsync(CancellationToken cancellationToken);
}

/// <param name="Address">Postal address; one line of the letterhead per line of text.</param>
/// <param name="TaxNumber">The tax or VAT registration number printed on documents.</param>
/// <param name="SenderName">The name e-mails come from; the clinic's name when empty.</param>
/// <param name="SenderAddress">The address e-mails come from; the configured <c>Email:From</c> address when empty.</param>
public sealed record ClinicIdentity(
    string Name,
    string? Address,
    string? Phone,
    string? TaxNumber,
    string? SenderName,
    string? SenderAddress,
    ClinicLogo? Logo)
{
    public const string DefaultName = "Your clinic";

    /// <summary>Where pages load the logo from; it changes with the logo, so browsers may keep each one for long.</summary>
    public string? LogoUrl => Logo is null ? null : $"{ClinicLogo.Path}?v={Logo.Version}";

    public IReadOnlyList<string> AddressLines =>
        string.IsNullOrWhiteSpace(Address)
            ? []
            : Address.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <param name="Content">A PNG or JPEG image, checked by its first bytes when it was uploaded.</param>
/// <param name="ContentType"><c>image/png</c> or <c>image/jpeg</c>.</param>
/// <param name="Version">Counts the uploads, so that the logo's address changes with it.</param>
public sealed record ClinicLogo(byte[] Content, string ContentType, int Version)
{
    /// <summary>The public address the logo is served from: a file of its own, since the pages' security policy forbids inline content.</summary>
    public const string Path = "/clinic/logo";
}
