namespace PracticeSuite.SharedKernel.Monetary;

/// <summary>
/// An ISO 4217 currency with the number of digits after its decimal point. Only currencies a clinic is
/// likely to bill in are listed; an unknown code is rejected rather than guessed.
/// </summary>
public sealed record Currency
{
    private static readonly Dictionary<string, int> MinorDigitsByCode = new(StringComparer.Ordinal)
    {
        ["AUD"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["CZK"] = 2, ["DKK"] = 2, ["EUR"] = 2, ["GBP"] = 2,
        ["HKD"] = 2, ["JPY"] = 0, ["KRW"] = 0, ["MXN"] = 2, ["NOK"] = 2, ["NZD"] = 2, ["PLN"] = 2,
        ["SEK"] = 2, ["SGD"] = 2, ["USD"] = 2, ["ZAR"] = 2, ["BHD"] = 3, ["KWD"] = 3,
    };

    private Currency(string code, int minorDigits)
    {
        Code = code;
        MinorDigits = minorDigits;
    }

    public string Code { get; }

    /// <summary>Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD.</summary>
    public int MinorDigits { get; }

    public static Currency Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalised = code.Trim().ToUpperInvariant();
        return MinorDigitsByCode.TryGetValue(normalised, out var digits)
            ? new Currency(normalised, digits)
            : throw new ArgumentException($"'{code}' is not a supported ISO 4217 currency code.", nameof(code));
    }

    public static bool IsSupported(string? code) =>
        code is not null && MinorDigitsByCode.ContainsKey(code.Trim().ToUpperInvariant());

    public override string ToString() => Code;
}
