using System.Globalization;

namespace PracticeSuite.SharedKernel.Monetary;

/// <summary>
/// An exact amount: integer minor units (cents) and a currency. Arithmetic never mixes currencies and
/// never rounds silently.
/// </summary>
public readonly record struct Money
{
    public Money(long minorUnits, Currency currency)
    {
        MinorUnits = minorUnits;
        Currency = currency ?? throw new ArgumentNullException(nameof(currency));
    }

    public long MinorUnits { get; }

    public Currency Currency { get; }

    public static Money Zero(Currency currency) => new(0, currency);

    public static Money Of(long minorUnits, string currencyCode) => new(minorUnits, Currency.Of(currencyCode));

    /// <summary>From a decimal amount in major units; throws when the amount has more digits than the currency allows.</summary>
    public static Money FromDecimal(decimal amount, string currencyCode)
    {
        var currency = Currency.Of(currencyCode);
        var scaled = amount * Pow10(currency.MinorDigits);
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException(
                $"{amount.ToString(CultureInfo.InvariantCulture)} has more than {currency.MinorDigits} decimal places for {currency.Code}.",
                nameof(amount));
        }

        return new Money(checked((long)scaled), currency);
    }

    public decimal ToDecimal() => MinorUnits / Pow10(Currency.MinorDigits);

    public bool IsNegative => MinorUnits < 0;

    public static Money operator +(Money left, Money right) =>
        new(checked(left.MinorUnits + SameCurrency(left, right).MinorUnits), left.Currency);

    public static Money operator -(Money left, Money right) =>
        new(checked(left.MinorUnits - SameCurrency(left, right).MinorUnits), left.Currency);

    public static Money operator -(Money value) => new(checked(-value.MinorUnits), value.Currency);

    public Money Multiply(int quantity) => new(checked(MinorUnits * quantity), Currency);

    /// <summary>Splits into <paramref name="parts"/> amounts that add up exactly; earlier parts take the remainder.</summary>
    public IReadOnlyList<Money> Allocate(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        var share = MinorUnits / parts;
        var remainder = MinorUnits % parts;
        var currency = Currency;
        return Enumerable.Range(0, parts)
            .Select(i => new Money(share + (i < Math.Abs(remainder) ? Math.Sign(remainder) : 0), currency))
            .ToList();
    }

    public string Format(IFormatProvider? provider = null) =>
        ToDecimal().ToString("N" + Currency.MinorDigits, provider ?? CultureInfo.InvariantCulture) + " " + Currency.Code;

    public override string ToString() => Format();

    private static Money SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? right
            : throw new InvalidOperationException($"Cannot combine {left.Currency.Code} with {right.Currency.Code}.");

    private static decimal Pow10(int digits) => digits switch
    {
        0 => 1m,
        1 => 10m,
        2 => 100m,
        3 => 1000m,
        _ => throw new ArgumentOutOfRangeException(nameof(digits)),
    };
}
