using System.ClientModel.Primitives;
using System.Text.Json;
using Caicaini.Models.Contracts;
using Microsoft.Extensions.AI;

namespace Caicaini.Models.Providers;

/// <summary>
/// Turns what providers report into one <see cref="TokenUsage"/> per response.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Providers count input differently: Anthropic's SDK reports input including cache reads and cache
/// writes (<c>CacheCreationInputTokens</c> in the additional counts); OpenAI's <c>prompt_tokens</c> include
/// <c>cached_tokens</c>. Both become uncached input + cache read + cache write.</item>
/// <item>Anthropic's streamed counts are cumulative: the latest report replaces the earlier ones, never adds.</item>
/// <item>Moonshot puts usage inside <c>choices[0].usage</c> of the last chunk, which the OpenAI SDK does not
/// surface; it is read from the raw chunk.</item>
/// </list>
/// </remarks>
internal sealed class UsageReader
{
    private TokenUsage? _reported;

    public TokenUsage? Reported => _reported;

    /// <summary>Looks at one streamed update; keeps the latest usage it carries.</summary>
    public void Observe(ChatResponseUpdate update)
    {
        foreach (var content in update.Contents)
            if (content is UsageContent usage)
                _reported = FromDetails(usage.Details);
        if (_reported is null && update.RawRepresentation is OpenAI.Chat.StreamingChatCompletionUpdate raw)
            _reported = FromChoiceUsage(raw) ?? _reported;
    }

    /// <summary>A whole (non-streamed) response: the same normalisation, so both paths cost the same.</summary>
    public static TokenUsage? FromResponse(ChatResponse response)
    {
        var usage = FromDetails(response.Usage);
        // Moonshot's non-streamed usage carries cached_tokens at the top level, which the OpenAI SDK ignores.
        if (response.RawRepresentation is OpenAI.Chat.ChatCompletion completion)
        {
            using var json = JsonDocument.Parse(ModelReaderWriter.Write(completion).ToMemory());
            if (json.RootElement.TryGetProperty("usage", out var raw) && raw.ValueKind == JsonValueKind.Object && Number(raw, "cached_tokens") is > 0 and var cached
                && usage is not null && usage.CacheReadTokens == 0)
                usage = usage with { InputTokens = ToInt(Math.Max(0, usage.InputTokens - cached)), CacheReadTokens = ToInt(cached) };
        }
        return usage;
    }

    public static TokenUsage? FromDetails(UsageDetails? details)
    {
        if (details?.InputTokenCount is null && details?.OutputTokenCount is null) return null;
        var cacheRead = details.CachedInputTokenCount ?? 0;
        var cacheWrite = details.AdditionalCounts?.GetValueOrDefault("CacheCreationInputTokens") ?? 0;
        var input = (details.InputTokenCount ?? 0) - cacheRead - cacheWrite;
        return new TokenUsage(ToInt(Math.Max(0, input)), ToInt(details.OutputTokenCount ?? 0), ToInt(cacheRead), ToInt(cacheWrite), UsageSource.Reported);
    }

    /// <summary>Moonshot: <c>{"choices":[{…,"usage":{"prompt_tokens":…,"completion_tokens":…,"cached_tokens":…}}]}</c>.</summary>
    private static TokenUsage? FromChoiceUsage(OpenAI.Chat.StreamingChatCompletionUpdate raw)
    {
        using var json = JsonDocument.Parse(ModelReaderWriter.Write(raw).ToMemory());
        if (!json.RootElement.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
            return null;
        if (!choices[0].TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
            return null;
        var prompt = Number(usage, "prompt_tokens");
        var cached = Number(usage, "cached_tokens");
        if (cached == 0 && usage.TryGetProperty("prompt_tokens_details", out var details) && details.ValueKind == JsonValueKind.Object)
            cached = Number(details, "cached_tokens");
        return new TokenUsage(ToInt(Math.Max(0, prompt - cached)), ToInt(Number(usage, "completion_tokens")), ToInt(cached), 0, UsageSource.Reported);
    }

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
