using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Anthropic;
using Caicaini.Models.Domain;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Caicaini.Models.Providers;

/// <summary>
/// Gives the <see cref="IChatClient"/> that serves a catalog model: Anthropic's SDK, OpenAI's SDK against a
/// configured base URL, or the Simulator when that provider has no key. Clients are built once per
/// (provider, upstream model) and shared; they are thread-safe.
/// </summary>
internal sealed class ChatClientFactory(IOptions<ProviderOptions> options, TokenCounter tokens, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Provider, string Model, int MaxOutput), IChatClient> _clients = new();
    private readonly ProviderOptions _options = options.Value;
    private readonly Lazy<SimulatorChatClient> _simulator = new(() => new SimulatorChatClient(tokens, options.Value.Simulator, clock));

    public sealed record Served(IChatClient Client, bool Simulated);

    public Served For(CatalogModel model)
    {
        var endpoint = Endpoint(model.Provider);
        if (string.IsNullOrWhiteSpace(endpoint?.ApiKey))
            return new Served(_simulator.Value, true); // one offline model serves every model id

        var client = _clients.GetOrAdd((model.Provider, model.UpstreamModelId, model.MaxOutputTokens), key => key.Provider == "anthropic"
            ? new AnthropicClient(new Anthropic.Core.ClientOptions
                {
                    BaseUrl = endpoint!.BaseUrl.TrimEnd('/'),
                    ApiKey = null,
                    MaxRetries = 0, // a retry after partial output would double-bill; the router's fallback handles failures
                    Handlers = [new AnthropicApiKeyHandler(endpoint.ApiKey!)],
                })
                .AsIChatClient(model.UpstreamModelId, model.MaxOutputTokens)
            : new ChatClient(model.UpstreamModelId, new ApiKeyCredential(endpoint!.ApiKey!), new OpenAIClientOptions
                {
                    Endpoint = new Uri(endpoint.BaseUrl),
                    NetworkTimeout = _options.IdleTimeout,
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                })
                .AsIChatClient());
        return new Served(client, false);
    }

    /// <summary>Whether the model would be served by the Simulator (no key for its provider).</summary>
    public bool IsSimulated(CatalogModel model) => string.IsNullOrWhiteSpace(Endpoint(model.Provider)?.ApiKey);

    private ProviderEndpoint? Endpoint(string provider) =>
        provider == "anthropic" ? _options.Anthropic : _options.OpenAiCompatible.GetValueOrDefault(provider);
}
