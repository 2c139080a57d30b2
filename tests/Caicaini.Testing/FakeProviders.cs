namespace Caicaini.Testing;

/// <summary>
/// Fake Anthropic and Moonshot servers with the settings that point the Host's provider keys at them,
/// so a test app serves opus/sonnet/haiku and kimi over real HTTP through the official SDKs.
/// </summary>
public sealed class FakeProviders : IAsyncDisposable
{
    private const string AnthropicKey = "sk-ant-test", MoonshotKey = "sk-moon-test";

    public required FakeProviderServer Anthropic { get; init; }
    public required FakeProviderServer Moonshot { get; init; }

    public static async Task<FakeProviders> StartAsync() => new()
    {
        Anthropic = await FakeProviderServer.StartAnthropicAsync(AnthropicKey),
        Moonshot = await FakeProviderServer.StartOpenAiAsync(MoonshotKey),
    };

    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Models:Providers:Anthropic:ApiKey", AnthropicKey),
        new("Models:Providers:Anthropic:BaseUrl", Anthropic.BaseUrl.ToString()),
        new("Models:Providers:OpenAiCompatible:moonshot:ApiKey", MoonshotKey),
        new("Models:Providers:OpenAiCompatible:moonshot:BaseUrl", new Uri(Moonshot.BaseUrl, "v1").ToString()),
    ];

    public async ValueTask DisposeAsync()
    {
        await Anthropic.DisposeAsync();
        await Moonshot.DisposeAsync();
    }
}
