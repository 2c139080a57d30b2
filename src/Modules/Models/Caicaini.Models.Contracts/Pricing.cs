using Caicaini.Shared.Money;

namespace Caicaini.Models.Contracts;

/// <summary>Whether token counts came from the provider or were counted by us (a stream cut short has no usage).</summary>
public enum UsageSource
{
    Reported,
    Estimated,
}

/// <summary>
/// One response's tokens, normalised across providers. <see cref="InputTokens"/> are the uncached input
/// tokens only: cache reads and cache writes are counted apart because they are priced apart.
/// </summary>
public sealed record TokenUsage(int InputTokens, int OutputTokens, int CacheReadTokens, int CacheWriteTokens, UsageSource Source)
{
    public static TokenUsage Estimated(int inputTokens, int outputTokens) => new(inputTokens, outputTokens, 0, 0, UsageSource.Estimated);
}

/// <summary>
/// A model's prices in micro-credits per million tokens (1 credit = 1,000,000 µcr ≈ US$0.01).
/// </summary>
/// <remarks>
/// The cost of a message is exact integer arithmetic: Σ tokens × price (µcr per million tokens), divided
/// by one million and rounded <em>up</em> to the next micro-credit, once per message. The same usage costs
/// the same whether it arrived streamed or not.
/// </remarks>
public sealed record ModelPrice(long InputMicrosPerMTok, long OutputMicrosPerMTok, long CacheReadMicrosPerMTok, long CacheWriteMicrosPerMTok)
{
    private const long TokensPerMillion = 1_000_000;

    public Credits CostOf(TokenUsage usage)
    {
        var scaled = checked(
            usage.InputTokens * InputMicrosPerMTok
            + usage.OutputTokens * OutputMicrosPerMTok
            + usage.CacheReadTokens * CacheReadMicrosPerMTok
            + usage.CacheWriteTokens * CacheWriteMicrosPerMTok);
        return Credits.FromMicros(scaled / TokensPerMillion + (scaled % TokensPerMillion == 0 ? 0 : 1));
    }

    /// <summary>The most a reply can cost: all of <paramref name="inputTokens"/> uncached plus <paramref name="maxOutputTokens"/>.</summary>
    public Credits WorstCase(int inputTokens, int maxOutputTokens) => CostOf(TokenUsage.Estimated(inputTokens, maxOutputTokens));

    /// <summary>The most output tokens <paramref name="budget"/> pays for after <paramref name="inputTokens"/>; 0 when it does not cover the input.</summary>
    public int AffordableOutputTokens(Credits budget, int inputTokens)
    {
        // ceil(x / 1e6) ≤ budget  ⇔  x ≤ budget × 1e6, with x = input × price + n × output price.
        var room = (Int128)budget.Micros * TokensPerMillion - (Int128)inputTokens * InputMicrosPerMTok;
        if (room < 0) return 0;
        if (OutputMicrosPerMTok == 0) return int.MaxValue;
        return (int)Int128.Min(int.MaxValue, room / OutputMicrosPerMTok);
    }
}
