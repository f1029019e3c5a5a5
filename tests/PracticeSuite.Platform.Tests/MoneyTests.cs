using PracticeSuite.SharedKernel.Monetary;
using Xunit;

namespace PracticeSuite.Platform.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Decimal_amounts_become_exact_minor_units()
    {
        Assert.Equal(1999, Money.FromDecimal(19.99m, "EUR").MinorUnits);
        Assert.Equal(5000, Money.FromDecimal(5000m, "JPY").MinorUnits);
        Assert.Equal(1234, Money.FromDecimal(1.234m, "KWD").MinorUnits);
        Assert.Equal(19.99m, Money.Of(1999, "eur").ToDecimal());
    }

    [Fact]
    public void More_digits_than_the_currency_has_are_refused_not_rounded()
    {
        var error = Assert.Throws<ArgumentException>(() => Money.FromDecimal(0.005m, "EUR"));
        Assert.Contains("2 decimal places", error.Message);
        Assert.Throws<ArgumentException>(() => Money.FromDecimal(1.5m, "JPY"));
    }

    [Fact]
    public void Currencies_never_mix_and_unknown_codes_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Of(100, "EUR") + Money.Of(100, "USD"));
        Assert.Throws<ArgumentException>(() => Currency.Of("XYZ"));
        Assert.Equal(Money.Of(250, "EUR"), Money.Of(100, "EUR") + Money.Of(150, "EUR"));
        Assert.Equal(Money.Of(-50, "EUR"), Money.Of(100, "EUR") - Money.Of(150, "EUR"));
    }

    [Fact]
    public void Allocation_splits_without_losing_a_cent()
    {
        var parts = Money.Of(1000, "EUR").Allocate(3);
        Assert.Equal([334L, 333L, 333L], parts.Select(p => p.MinorUnits));
        Assert.Equal(1000, parts.Sum(p => p.MinorUnits));

        var refund = Money.Of(-1000, "EUR").Allocate(3);
        Assert.Equal(-1000, refund.Sum(p => p.MinorUnits));
    }

    [Fact]
    public void Overflow_is_an_error_not_a_wrapped_amount()
    {
        Assert.Throws<OverflowException>(() => Money.Of(long.MaxValue, "EUR") + Money.Of(1, "EUR"));
    }
}
