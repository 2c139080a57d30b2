namespace Caicaini.Models.Providers;

/// <summary>
/// <c>Models:Providers</c>. A provider without an API key is served by the Simulator, so the service runs
/// with no keys at all. Keys come from configuration or the environment
/// (<c>Models__Providers__Anthropic__ApiKey</c>, <c>Models__Providers__OpenAiCompatible__moonshot__ApiKey</c>).
/// </summary>
internal sealed class ProviderOptions
{
    public const string Section = "Models:Providers";

    public ProviderEndpoint Anthropic { get; set; } = new() { BaseUrl = "https://api.anthropic.com" };

    /// <summary>OpenAI-compatible endpoints by provider name (Moonshot for kimi; Ollama or vLLM work the same way).</summary>
    public Dictionary<string, ProviderEndpoint> OpenAiCompatible { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["moonshot"] = new() { BaseUrl = "https://api.moonshot.ai/v1" },
    };

    /// <summary>A stream that sends nothing for this long is treated as failed (the SDKs' timeouts do not cover gaps inside a stream).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public SimulatorOptions Simulator { get; set; } = new();
}

internal sealed class ProviderEndpoint
{
    public string? ApiKey { get; set; }
    public string BaseUrl { get; set; } = "";
}

/// <summary>The Simulator's knobs, for tests and benchmarks.</summary>
internal sealed class SimulatorOptions
{
    /// <summary>Pause before each streamed chunk (about one token).</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.FromMilliseconds(15);

    /// <summary>Fail every request before any output (as a provider 5xx would).</summary>
    public bool FailBeforeOutput { get; set; }

    /// <summary>Fail every request after this many output tokens (a stream dying mid-answer).</summary>
    public int? FailAfterTokens { get; set; }
}
