using System.Text.Json;
using Caicaini.Shared.Money;

namespace Caicaini.Shared.Tests;

public sealed class CreditsTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1_000_000, "1")]
    [InlineData(12_500_000, "12.5")]
    [InlineData(123, "0.000123")]
    [InlineData(-3_000_001, "-3.000001")]
    [InlineData(long.MinValue, "-9223372036854.775808")]
    public void ToString_is_exact_and_invariant(long micros, string expected) =>
        Assert.Equal(expected, Credits.FromMicros(micros).ToString());

    [Theory]
    [InlineData("12", 12_000_000)]
    [InlineData("0.5", 500_000)]
    [InlineData(".25", 250_000)]
    [InlineData("-1.000001", -1_000_001)]
    [InlineData(" 7.000000 ", 7_000_000)]
    public void Parse_reads_invariant_decimals(string text, long micros) =>
        Assert.Equal(micros, Credits.Parse(text).Micros);

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.0000001")] // More precision than a micro-credit.
    [InlineData("1,5")]
    [InlineData("1e3")]
    [InlineData("99999999999999999")] // Overflows long micro-credits.
    [InlineData("-")]
    [InlineData(".")]
    public void TryParse_refuses_what_is_not_an_exact_amount(string text) =>
        Assert.False(Credits.TryParse(text, out _));

    [Fact]
    public void Parse_and_ToString_round_trip()
    {
        foreach (var micros in new[] { 1L, 999_999L, 1_000_001L, 123_456_789_012L, -42L })
            Assert.Equal(micros, Credits.Parse(Credits.FromMicros(micros).ToString()).Micros);
    }

    [Fact]
    public void Arithmetic_refuses_to_overflow()
    {
        Assert.Throws<OverflowException>(() => Credits.FromMicros(long.MaxValue) + Credits.FromMicros(1));
        Assert.Throws<OverflowException>(() => Credits.FromMicros(long.MinValue) - Credits.FromMicros(1));
        Assert.Throws<OverflowException>(() => Credits.FromMicros(long.MaxValue / 2 + 1) * 2);
        Assert.Throws<OverflowException>(() => -Credits.FromMicros(long.MinValue));
        Assert.Throws<OverflowException>(() => Credits.FromWhole(long.MaxValue / 1_000_000 + 1));
    }

    [Fact]
    public void Arithmetic_and_comparison_are_exact()
    {
        var a = Credits.FromWhole(3);
        var b = Credits.FromMicros(1);
        Assert.Equal(3_000_001, (a + b).Micros);
        Assert.Equal(2_999_999, (a - b).Micros);
        Assert.True(b < a);
        Assert.Equal(b, Credits.Min(a, b));
        Assert.Equal(a, Credits.Max(a, b));
    }

    [Theory]
    [InlineData(1_234_567_891, 2, "1,234.57")]
    [InlineData(5_000_000, 2, "5")]
    [InlineData(5_000, 2, "0.01")] // Half a hundredth rounds away from zero.
    [InlineData(4_999, 2, "0")]
    [InlineData(-1_500_000, 0, "-2")]
    public void Display_string_rounds_half_away_from_zero(long micros, int decimals, string expected) =>
        Assert.Equal(expected, Credits.FromMicros(micros).ToDisplayString(decimals));

    [Fact]
    public void Json_carries_integer_micro_credits()
    {
        var json = JsonSerializer.Serialize(new { Cost = Credits.FromMicros(1_500_001) });
        Assert.Equal("{\"Cost\":1500001}", json);
        Assert.Equal(1_500_001, JsonSerializer.Deserialize<Credits>("1500001").Micros);
    }
}
