using System.Text.RegularExpressions;

namespace Caicaini.Models.Domain;

/// <summary>
/// The policy behind <c>caicaini/auto</c>: pure, fast and explainable. It reads cues from the message —
/// length, code, maths, signs of multi-step or hard reasoning, requested detail, long pasted text — and
/// the conversation's depth, and answers with a model and a one-line reason.
/// </summary>
/// <remarks>
/// Rules, first match wins:
/// 1. Hard reasoning → opus: two or more hard-reasoning cues (prove, derive, complexity, race condition…);
///    or one together with maths, code, a request for detail or a long text; or a very long code paste (≥ 80 lines).
/// 2. Short factual question → a fast model: at most 15 words (two CJK characters count as one), phrased as a
///    question (or mostly CJK), not a task ("write…", "explain…"), with no code, markup, maths, detail or
///    reasoning cues, in a conversation of at most 6 turns. Kimi when the text is mostly Chinese/Japanese/Korean,
///    else Haiku.
/// 3. Everything else → sonnet.
/// A disabled pick moves to the next enabled model of the same or a higher tier.
/// </remarks>
internal static partial class AutoRouter
{
    public sealed record Decision(string ModelId, string Reason);

    public const string Opus = "caicaini/opus", Sonnet = "caicaini/sonnet", Haiku = "caicaini/haiku", Kimi = "caicaini/kimi";

    public static Decision Route(string prompt, int promptTokens, int historyTurns)
    {
        var text = prompt.Trim();
        // Proofs and derivations are hard on their own; the other cues need company.
        var hard = HardCues().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().Count() + (StrongCues().IsMatch(text) ? 2 : 0);
        var maths = Maths().IsMatch(text);
        var codeLines = CodeLines(text);
        var detail = Detail().IsMatch(text);
        var longText = promptTokens > 1_500;
        var words = Words().Matches(text).Count + CjkCharacters(text) / 2;

        if (hard >= 2)
            return new(Opus, "Hard reasoning (several cues such as proofs, derivations or algorithm design): the best model.");
        if (hard == 1 && (maths || codeLines >= 3 || detail || longText))
            return new(Opus, $"Reasoning with {(maths ? "maths" : codeLines >= 3 ? "code" : detail ? "a request for detail" : "a long text")}: the best model.");
        if (codeLines >= 80)
            return new(Opus, $"Long code ({codeLines} lines): the best model.");

        var technical = Technical().IsMatch(text);
        if (words <= 15 && hard == 0 && !maths && codeLines == 0 && !technical && !detail && !longText && historyTurns <= 6
            && !TaskVerb().IsMatch(text) && (Question().IsMatch(text) || IsMostlyCjk(text)))
        {
            return IsMostlyCjk(text)
                ? new(Kimi, $"Short factual question in Chinese/Japanese/Korean ({promptTokens} tokens): a fast model answers it as well, for less.")
                : new(Haiku, $"Short factual question ({words} words): a fast model answers it as well, for less.");
        }

        var why = codeLines > 0 || technical ? "code" : maths ? "some maths" : detail ? "a detailed answer" : longText ? "a long text" : historyTurns > 6 ? "a longer conversation" : "an everyday request";
        return new(Sonnet, $"Balanced model for {why}.");
    }

    private static int CodeLines(string text)
    {
        var inFence = false;
        var lines = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence || CodeLine().IsMatch(line)) lines++;
        }
        return lines;
    }

    private static int CjkCharacters(string text) => text.Count(c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff' or >= '\uac00' and <= '\ud7af');

    private static bool IsMostlyCjk(string text)
    {
        var letters = text.Count(char.IsLetter);
        return letters > 0 && CjkCharacters(text) * 10 >= letters * 3;
    }

    [GeneratedRegex(@"\b(prove|proof|theorem|lemma|derive|derivation|rigorous(ly)?|formal(ly)? (proof|verification)|by induction|step[- ]by[- ]step|time complexity|space complexity|big[- ]o|np[- ]hard|dynamic programming|optimi[sz]e (this|the|my) (algorithm|query|code)|race condition|deadlock|concurren(cy|t)|distributed (system|consensus)|architecture|trade[- ]?offs?|counterexample|edge cases?|invariant)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HardCues();

    [GeneratedRegex(@"\b(prove|proof|theorem|lemma|derive|derivation|rigorous(ly)?|by induction|np[- ]hard|counterexample)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongCues();

    /// <summary>Asks for something to be made (not a fact): a short prompt like this still wants a crafted answer.</summary>
    [GeneratedRegex(@"^\s*(please\s+)?(write|draft|summari[sz]e|plan|create|make|build|rewrite|fix|explain|describe|list|outline|generate|review|edit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TaskVerb();

    [GeneratedRegex(@"(\?\s*$|^\s*(what|who|when|where|which|why|how|is|are|was|were|does|do|did|can|could|define|translate|convert|synonym|antonym|capital)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Question();

    /// <summary>Symbols that mean code, a pattern or markup rather than prose.</summary>
    [GeneratedRegex(@"[\\{}<>;=]|\$\s*$|\^\S|\w\(\)")]
    private static partial Regex Technical();

    [GeneratedRegex(@"(\\(frac|int|sum|sqrt|lim|prod)\b|[∫∑∏√∂∇≤≥≠]|\b(integral|derivative|differentiate|eigen\w*|matrix|polynomial|equation|probability|logarithm)\b|\b\d+\s*[\^*/]\s*\d+|\b[a-z]\^\d|solve for)", RegexOptions.IgnoreCase)]
    private static partial Regex Maths();

    [GeneratedRegex(@"\b(in (great )?detail|detailed|comprehensive(ly)?|thorough(ly)?|essay|compare|comparison|pros and cons|explain (why|how)|write (a|an) (report|article|story|plan|proposal))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Detail();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(^\s*(def|class|function|public|private|static|import|from \S+ import|#include|fn|let|const|var|return|if\s*\(|for\s*\(|while\s*\()\b)|([;{}]\s*$)|(=>)")]
    private static partial Regex CodeLine();
}
