using Caicaini.Models.Contracts;
using Microsoft.ML.Tokenizers;

namespace Caicaini.Models.Domain;

/// <summary>
/// Counts tokens with a real tokenizer (o200k, as GPT-4o uses): close to, not equal to, each provider's
/// own count, which is why counts we make are marked <see cref="UsageSource.Estimated"/>. Building the
/// tokenizer takes ~350 ms, so there is one per process, built on first use.
/// </summary>
internal sealed class TokenCounter
{
    /// <summary>What each turn costs beyond its text (role and framing), as providers count it roughly.</summary>
    public const int PerTurnOverhead = 4;

    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    public int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);

    public int Count(IEnumerable<ChatTurn> turns) => turns.Sum(t => Count(t.Text) + PerTurnOverhead);

    /// <summary>The longest prefix of <paramref name="text"/> that is at most <paramref name="maxTokens"/> tokens.</summary>
    public string Truncate(string text, int maxTokens)
    {
        if (maxTokens <= 0) return "";
        var index = Tokenizer.Value.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return text[..index];
    }
}
