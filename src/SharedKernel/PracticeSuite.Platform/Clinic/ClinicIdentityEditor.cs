using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using PracticeSuite.Platform.Accounts;
using PracticeSuite.Platform.Audit;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Messaging;

namespace PracticeSuite.Platform.Clinic;

/// <summary>What a manager types on the clinic page; <see cref="ClinicIdentityEditor.Problems"/> says what is wrong with it.</summary>
internal sealed record ClinicDetails(string? Name, string? Address, string? Phone, string? TaxNumber, string? SenderName, string? SenderAddress);

/// <summary>What happens to the logo on a save: kept, replaced by an upload that passed <see cref="ClinicLogoFile"/>, or removed.</summary>
internal sealed record LogoChange(byte[]? Content, string? ContentType, bool Remove)
{
    public static readonly LogoChange Keep = new(null, null, false);
}

/// <summary>What a save changed, for the page's notice.</summary>
internal sealed record ClinicSaved(bool Details, bool Logo);

/// <summary>
/// Saves the clinic's identity and, in the same database transaction, one audit entry for each kind of change made
/// (details, logo): nothing about the clinic changes unrecorded, and nothing is recorded that did not change.
/// </summary>
internal sealed class ClinicIdentityEditor(AccountsDbContext db, ClinicIdentityStore store, ICurrentUser currentUser, TimeProvider time)
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;
    public const int MaxAddressLines = 6;
    public const int MaxPhoneLength = 40;
    public const int MaxTaxNumberLength = 40;
    public const int MaxSenderNameLength = 100;
    public const int MaxSenderAddressLength = 254;

    /// <summary>Each field's problem in plain words, keyed by the field's name; empty when all is well.</summary>
    public static Dictionary<string, string> Problems(ClinicDetails details)
    {
        var problems = new Dictionary<string, string>();
        var name = details.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems[nameof(ClinicDetails.Name)] = "Enter the clinic's name, as clients know it.";
        }
        else if (name.Length > MaxNameLength || !IsOneLine(name))
        {
            problems[nameof(ClinicDetails.Name)] = $"Write the name on one line, in at most {MaxNameLength} characters.";
        }

        var address = NormaliseAddress(details.Address);
        if (address is not null && (address.Length > MaxAddressLength || address.Split('\n').Length > MaxAddressLines || address.Replace("\n", "").Any(char.IsControl)))
        {
            problems[nameof(ClinicDetails.Address)] = $"Shorten the address to at most {MaxAddressLines} lines and {MaxAddressLength} characters.";
        }

        var phone = Blank(details.Phone);
        if (phone is not null && (phone.Length > MaxPhoneLength || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.')
            || phone.Count(char.IsAsciiDigit) < 5))
        {
            problems[nameof(ClinicDetails.Phone)] = "Enter a phone number with digits, spaces and + ( ) - only, e.g. +44 117 496 0123.";
        }

        var taxNumber = Blank(details.TaxNumber);
        if (taxNumber is not null && (taxNumber.Length > MaxTaxNumberLength || !taxNumber.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.' or '/')))
        {
            problems[nameof(ClinicDetails.TaxNumber)] = $"Enter the tax or VAT number with letters, digits, spaces and - . / only, at most {MaxTaxNumberLength} characters.";
        }

        var senderName = Blank(details.SenderName);
        if (senderName is not null && (senderName.Length > MaxSenderNameLength || !IsOneLine(senderName)))
        {
            problems[nameof(ClinicDetails.SenderName)] = $"Write the sender's name on one line, in at most {MaxSenderNameLength} characters.";
        }

        var senderAddress = Blank(details.SenderAddress);
        if (senderAddress is not null && !IsPlainAddress(senderAddress))
        {
            problems[nameof(ClinicDetails.SenderAddress)] = "Enter one e-mail address, e.g. hello@yourclinic.example, without a name or brackets.";
        }

        return problems;
    }

    /// <summary>Saves details that passed <see cref="Problems"/>, and the logo change.</summary>
    public async Task<ClinicSaved> SaveAsync(ClinicDetails details, LogoChange logo, CancellationToken cancellationToken)
    {
        if (Problems(details).Count > 0)
        {
            throw new ArgumentException("The clinic's details have problems; check them with Problems first.", nameof(details));
        }

        var record = await db.ClinicIdentity.SingleOrDefaultAsync(c => c.Id == ClinicIdentityRecord.TheClinic, cancellationToken);
        var isNew = record is null;
        record ??= new ClinicIdentityRecord { Id = ClinicIdentityRecord.TheClinic };
        var before = (record.Name, record.Address, record.Phone, record.TaxNumber, record.SenderName, record.SenderAddress);
        record.Name = details.Name!.Trim();
        record.Address = NormaliseAddress(details.Address);
        record.Phone = Blank(details.Phone);
        record.TaxNumber = Blank(details.TaxNumber);
        record.SenderName = Blank(details.SenderName);
        record.SenderAddress = Blank(details.SenderAddress);
        var detailsChanged = isNew || before != (record.Name, record.Address, record.Phone, record.TaxNumber, record.SenderName, record.SenderAddress);

        AuditAction? logoAction = null;
        if (logo.Content is { } content)
        {
            record.Logo = content;
            record.LogoContentType = logo.ContentType ?? throw new ArgumentException("A new logo needs its content type.", nameof(logo));
            record.LogoVersion++;
            logoAction = ClinicAudit.LogoChanged;
        }
        else if (logo.Remove && record.Logo is not null)
        {
            record.Logo = null;
            record.LogoContentType = null;
            logoAction = ClinicAudit.LogoRemoved;
        }

        if (!detailsChanged && logoAction is null)
        {
            return new ClinicSaved(false, false);
        }

        record.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (isNew)
        {
            db.ClinicIdentity.Add(record);
        }

        if (detailsChanged)
        {
            db.AuditRecords.Add(Entry(ClinicAudit.DetailsChanged));
        }

        if (logoAction is not null)
        {
            db.AuditRecords.Add(Entry(logoAction));
        }

        await db.SaveChangesAsync(cancellationToken); // the change and its entries in one transaction
        store.Forget();
        return new ClinicSaved(detailsChanged, logoAction is not null);
    }

    /// <summary>Demo mode's clinic, so that someone trying the product sees a letterhead and a sender that look real.</summary>
    public async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        if (await db.ClinicIdentity.AnyAsync(cancellationToken))
        {
            return;
        }

        await SaveAsync(DemoClinic, LogoChange.Keep, cancellationToken);
    }

    public static readonly ClinicDetails DemoClinic = new(
        "Harbourside Massage & Neuromuscular Therapy",
        "14 Narrow Quay\nBristol BS1 4QA\nUnited Kingdom",
        "+44 117 496 0123",
        "GB 123 4567 89",
        "Harbourside Massage",
        "bookings@harbourside.example");

    private AuditRecord Entry(AuditAction action) => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = time.GetUtcNow().UtcDateTime,
        UserId = currentUser.UserId,
        Role = currentUser.Role?.ToString(),
        Action = action.Code,
        Kind = action.Kind,
        RecordType = ClinicAudit.RecordType,
        RecordId = ClinicAudit.RecordId,
        IpAddress = currentUser.IpAddress is { Length: > 64 } ip ? ip[..64] : currentUser.IpAddress,
    };

    private static bool IsOneLine(string text) => !text.Any(char.IsControl);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Lines trimmed, empty ones dropped, joined by a plain line feed.</summary>
    private static string? NormaliseAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var lines = address.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines);
    }

    private static bool IsPlainAddress(string address) =>
        address.Length <= MaxSenderAddressLength
        && MailAddress.TryCreate(address, out var parsed)
        && parsed.Address == address
        && string.IsNullOrEmpty(parsed.DisplayName)
        && MimeKit.MailboxAddress.TryParse(address, out _);
}

/// <summary>The clinic's identity in the audit trail: what a manager changed, by whom and when.</summary>
internal sealed class ClinicAudit : IAuditActions
{
    public const string RecordType = "Clinic";
    public const string RecordId = "identity";

    public static readonly AuditAction DetailsChanged = new("platform.clinic.details-changed", AuditKind.Change, "Changed the clinic's details");
    public static readonly AuditAction LogoChanged = new("platform.clinic.logo-changed", AuditKind.Change, "Uploaded the clinic's logo");
    public static readonly AuditAction LogoRemoved = new("platform.clinic.logo-removed", AuditKind.Change, "Removed the clinic's logo");

    public IReadOnlyCollection<AuditAction> Actions => [DetailsChanged, LogoChanged, LogoRemoved];
}
