using System.Text.RegularExpressions;
using FluentValidation;
using PracticeSuite.Modules.Clients.Domain;
using PracticeSuite.Modules.Clients.Infrastructure;
using PracticeSuite.SharedKernel.Time;

namespace PracticeSuite.Modules.Clients.Features.Records;

/// <summary>The editable personal details, shared by registration and updates (and their validation).</summary>
internal abstract record ClientDetailsInput
{
    public string GivenName { get; init; } = "";
    public string FamilyName { get; init; } = "";
    public DateOnly? DateOfBirth { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public string? EmergencyContactName { get; init; }
    public string? EmergencyContactPhone { get; init; }
    public string TimeZone { get; init; } = ClinicCalendar.DefaultTimeZoneId;
    public PressurePreference PressurePreference { get; init; }
    public string? PainThresholdNotes { get; init; }

    /// <summary>The details to store; call after validation (the date of birth is then present).</summary>
    public ClientDetails ToDetails() => new(
        GivenName, FamilyName, DateOfBirth!.Value, Email, Phone, Address,
        EmergencyContactName, EmergencyContactPhone, TimeZone, PressurePreference, PainThresholdNotes);
}

internal abstract partial class ClientDetailsValidator<T> : AbstractValidator<T> where T : ClientDetailsInput
{
    public const int MaxAgeYears = 120;

    protected ClientDetailsValidator(ClinicCalendar calendar)
    {
        RuleFor(c => c.GivenName).NotEmpty().WithMessage("Enter the given name.").MaximumLength(ClientsDbContext.NameLength)
            .Must(IsPlainText).WithMessage(PlainTextMessage);
        RuleFor(c => c.FamilyName).NotEmpty().WithMessage("Enter the family name.").MaximumLength(ClientsDbContext.NameLength)
            .Must(IsPlainText).WithMessage(PlainTextMessage);
        RuleFor(c => c.EmergencyContactName).Must(name => IsPlainText(name ?? "")).WithMessage(PlainTextMessage);
        RuleFor(c => c.DateOfBirth).NotNull().WithMessage("Enter the date of birth.");
        RuleFor(c => c.DateOfBirth)
            .Must(dob => dob!.Value <= calendar.Today).WithMessage("The date of birth cannot be in the future.")
            .Must(dob => dob!.Value >= calendar.Today.AddYears(-MaxAgeYears)).WithMessage($"The date of birth is more than {MaxAgeYears} years ago.")
            .When(c => c.DateOfBirth is not null);
        RuleFor(c => c.Email!)
            .MaximumLength(ClientsDbContext.EmailLength)
            .Must(IsEmail).WithMessage("Enter a valid e-mail address, like name@example.com.")
            .When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Phone!).Must(IsPhone).WithMessage("Enter a valid phone number (digits, spaces, +, brackets or dashes; 7 to 15 digits).")
            .When(c => !string.IsNullOrWhiteSpace(c.Phone));
        RuleFor(c => c.EmergencyContactPhone!).Must(IsPhone).WithMessage("Enter a valid phone number for the emergency contact.")
            .When(c => !string.IsNullOrWhiteSpace(c.EmergencyContactPhone));
        RuleFor(c => c.EmergencyContactName).MaximumLength(ClientsDbContext.NameLength);
        RuleFor(c => c.Address).MaximumLength(500);
        RuleFor(c => c.PainThresholdNotes).MaximumLength(ClientsDbContext.TextLength);
        RuleFor(c => c.TimeZone).Must(IsTimeZone).WithMessage("Choose a known time zone, e.g. Europe/London.");
        RuleFor(c => c.PressurePreference).IsInEnum().WithMessage("Choose a pressure preference.");
    }

    public const string PlainTextMessage = "Names can hold letters, marks, spaces and punctuation, but no control or direction-override characters.";

    /// <summary>
    /// No control characters (NUL, line breaks, tabs) and no bidirectional overrides or isolates (U+202A–U+202E,
    /// U+2066–U+2069), which can make a name display as something else on every page, list and export (issue 16).
    /// A missing value passes here: the NotEmpty rule refuses it with its own message.
    /// </summary>
    public static bool IsPlainText(string? text) => text is null ||
        !text.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');

    public static bool IsEmail(string email) => EmailPattern().IsMatch(email.Trim());

    public static bool IsPhone(string phone)
    {
        var trimmed = phone.Trim();
        var digits = SearchText.Digits(trimmed).Length;
        return PhonePattern().IsMatch(trimmed) && digits is >= 7 and <= 15;
    }

    public static bool IsTimeZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-.]+$")]
    private static partial Regex PhonePattern();
}
