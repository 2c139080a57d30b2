using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caicaini.Shared.Money;

/// <summary>
/// An exact amount of credits, stored as whole micro-credits (1 credit = 1,000,000 µcr).
/// There is no floating point anywhere near money: arithmetic is checked and refuses to overflow.
/// </summary>
[JsonConverter(typeof(CreditsJsonConverter))]
public readonly record struct Credits : IComparable<Credits>
{
    public const long MicrosPerCredit = 1_000_000;

    public Credits(long micros) => Micros = micros;

    public long Micros { get; }

    public static Credits Zero => default;

    public static Credits FromMicros(long micros) => new(micros);

    public static Credits FromWhole(long credits) => new(checked(credits * MicrosPerCredit));

    public bool IsNegative => Micros < 0;
    public bool IsZero => Micros == 0;
    public bool IsPositive => Micros > 0;

    public static Credits operator +(Credits a, Credits b) => new(checked(a.Micros + b.Micros));
    public static Credits operator -(Credits a, Credits b) => new(checked(a.Micros - b.Micros));
    public static Credits operator -(Credits a) => new(checked(-a.Micros));
    public static Credits operator *(Credits a, long factor) => new(checked(a.Micros * factor));
    public static bool operator <(Credits a, Credits b) => a.Micros < b.Micros;
    public static bool operator >(Credits a, Credits b) => a.Micros > b.Micros;
    public static bool operator <=(Credits a, Credits b) => a.Micros <= b.Micros;
    public static bool operator >=(Credits a, Credits b) => a.Micros >= b.Micros;

    public static Credits Min(Credits a, Credits b) => a <= b ? a : b;
    public static Credits Max(Credits a, Credits b) => a >= b ? a : b;

    public int CompareTo(Credits other) => Micros.CompareTo(other.Micros);

    /// <summary>
    /// Invariant, exact, with up to six decimals and trailing zeros trimmed: "12.5", "0.000123", "-3".
    /// </summary>
    public override string ToString()
    {
        var negative = Micros < 0;
        // Work on the unsigned magnitude so long.MinValue formats too.
        var magnitude = negative ? (ulong)(-(Micros + 1)) + 1 : (ulong)Micros;
        var whole = magnitude / MicrosPerCredit;
        var fraction = magnitude % MicrosPerCredit;
        var text = whole.ToString(CultureInfo.InvariantCulture);
        if (fraction != 0)
            text += "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        return negative ? "-" + text : text;
    }

    /// <summary>
    /// For people: thousands separators and at most <paramref name="decimals"/> decimals, rounded
    /// half away from zero ("1,234.57"). Never use the result for arithmetic.
    /// </summary>
    public string ToDisplayString(int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 6);
        var value = decimal.Round((decimal)Micros / MicrosPerCredit, decimals, MidpointRounding.AwayFromZero);
        return value.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture).TrimEnd('.');
    }

    /// <summary>Parses an invariant decimal amount of credits ("12", "0.5", "-1.000001"); more than six decimals is refused.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Credits credits)
    {
        credits = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+')) s = s[1..];
        var dot = s.IndexOf('.');
        var wholePart = dot < 0 ? s : s[..dot];
        var fractionPart = dot < 0 ? "" : s[(dot + 1)..];
        if (wholePart.Length == 0 && fractionPart.Length == 0) return false;
        if (fractionPart.Length > 6) return false;
        if (!wholePart.All(char.IsAsciiDigit) || !fractionPart.All(char.IsAsciiDigit)) return false;
        if (wholePart.Length == 0) wholePart = "0";
        if (!long.TryParse(wholePart, NumberStyles.None, CultureInfo.InvariantCulture, out var whole)) return false;
        var fraction = fractionPart.Length == 0 ? 0 : long.Parse(fractionPart.PadRight(6, '0'), CultureInfo.InvariantCulture);
        try
        {
            var micros = checked(whole * MicrosPerCredit + fraction);
            credits = new Credits(negative ? -micros : micros);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static Credits Parse(string text) =>
        TryParse(text, out var credits) ? credits : throw new FormatException($"'{text}' is not an amount of credits.");
}

/// <summary>Credits travel in JSON as their integer micro-credits, so no client ever rounds money.</summary>
public sealed class CreditsJsonConverter : JsonConverter<Credits>
{
    public override Credits Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, Credits value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Micros);
}
