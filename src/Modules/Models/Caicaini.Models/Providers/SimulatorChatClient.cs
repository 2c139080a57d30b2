using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Caicaini.Models.Contracts;
using Caicaini.Models.Domain;
using Microsoft.Extensions.AI;

namespace Caicaini.Models.Providers;

/// <summary>Thrown by the Simulator to stand for a provider error (it maps to the same failure as a real 5xx).</summary>
internal sealed class SimulatedProviderException(string message) : Exception(message);

/// <summary>
/// The offline model: streams deterministic, readable text (it restates the question and answers from a
/// little canned knowledge), stops at the requested maximum output, reports token counts from the real
/// tokenizer, and can be told to fail — by configuration, or per message with the markers
/// <c>[simulate:fail-before]</c>, <c>[simulate:fail-after:N]</c> and <c>[simulate:long]</c> (a long answer).
/// </summary>
internal sealed partial class SimulatorChatClient(TokenCounter tokens, SimulatorOptions options, TimeProvider clock) : IChatClient
{
    public const string ModelName = "caicaini-simulator";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, chatOptions, cancellationToken))
            updates.Add(update);
        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var turns = messages.Select(m => new ChatTurn(m.Role == ChatRole.Assistant ? "assistant" : "user", m.Text)).ToList();
        var prompt = turns.LastOrDefault(t => t.Role == "user")?.Text ?? "";
        var failAfter = FailAfter().Match(prompt) is { Success: true } marker ? int.Parse(marker.Groups[1].Value) : options.FailAfterTokens;
        if (options.FailBeforeOutput || prompt.Contains("[simulate:fail-before]", StringComparison.Ordinal))
            throw new SimulatedProviderException("The simulated provider is unavailable.");

        var maxOutput = chatOptions?.MaxOutputTokens ?? 1_024;
        var full = Answer(prompt, turns.Count);
        var answer = tokens.Truncate(full, maxOutput);
        var delivered = new StringBuilder();
        var sentTokens = 0;
        foreach (Match chunk in Chunks().Matches(answer))
        {
            if (options.TokenDelay > TimeSpan.Zero)
                await Task.Delay(options.TokenDelay, clock, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            sentTokens += tokens.Count(chunk.Value);
            if (failAfter is { } limit && sentTokens > limit)
                throw new SimulatedProviderException("The simulated provider dropped the stream.");
            delivered.Append(chunk.Value);
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk.Value) { ModelId = ModelName };
        }

        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = ModelName,
            FinishReason = answer.Length < full.Length ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Contents =
            [
                new UsageContent(new UsageDetails
                {
                    InputTokenCount = tokens.Count(turns),
                    OutputTokenCount = tokens.Count(delivered.ToString()),
                }),
            ],
        };
    }

    /// <summary>A deterministic answer: the same question always gets the same words.</summary>
    internal static string Answer(string prompt, int turns)
    {
        var question = Markers().Replace(prompt, "").Trim();
        var shown = question.Length > 120 ? question[..120].TrimEnd() + "…" : question;
        var text = new StringBuilder();
        var fact = Facts.FirstOrDefault(f => question.Contains(f.Key, StringComparison.OrdinalIgnoreCase));
        text.Append(fact.Value ?? $"You asked: “{shown}”. ");
        text.Append("This answer comes from Caicaini's offline simulator, which stands in for a real model when no provider key is configured");
        text.Append(turns > 1 ? $", and it has read the {turns - 1} earlier turn(s) of this conversation.\n\n" : ".\n\n");

        if (Regex.IsMatch(question, @"\b(code|function|program|script|c#|python|sql)\b", RegexOptions.IgnoreCase))
            text.Append("Here is a small example:\n\n```csharp\nstatic int Add(int a, int b) => a + b;\n```\n\n");

        var paragraphs = prompt.Contains("[simulate:long]", StringComparison.Ordinal) ? 60
            : Regex.IsMatch(question, @"\b(detail|detailed|explain|essay|thorough|compare)\b", RegexOptions.IgnoreCase) ? 6 : 1;
        var words = Regex.Matches(question, @"\p{L}{4,}").Select(m => m.Value.ToLowerInvariant()).Distinct().Take(6).ToList();
        for (var i = 0; i < paragraphs; i++)
        {
            var topic = words.Count == 0 ? "your question" : words[i % words.Count];
            text.Append($"Point {i + 1}: a real model would now weigh what “{topic}” means here, give the key facts, and note what to check. ");
            text.Append("The simulator keeps this short and predictable so tests and demos behave the same every time.\n\n");
        }
        return text.ToString().TrimEnd();
    }

    private static readonly Dictionary<string, string> Facts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["capital of france"] = "The capital of France is Paris. ",
        ["capital of japan"] = "The capital of Japan is Tokyo. ",
        ["boiling point of water"] = "Water boils at 100 °C (212 °F) at sea level. ",
        ["speed of light"] = "Light travels at 299,792,458 metres per second in a vacuum. ",
        ["2+2"] = "2 + 2 = 4. ",
        ["largest planet"] = "Jupiter is the largest planet in the Solar System. ",
        ["法国的首都"] = "法国的首都是巴黎。",
        ["who wrote hamlet"] = "William Shakespeare wrote Hamlet, around 1600. ",
    };

    [GeneratedRegex(@"\[simulate:[^\]]*\]")]
    private static partial Regex Markers();

    [GeneratedRegex(@"\[simulate:fail-after:(\d+)\]")]
    private static partial Regex FailAfter();

    /// <summary>Roughly one token per chunk: a word or punctuation with its following whitespace.</summary>
    [GeneratedRegex(@"\s*[^\s]+\s*|\s+")]
    private static partial Regex Chunks();

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
