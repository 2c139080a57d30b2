using System.Net.Http.Headers;

namespace Caicaini.Sdk;

/// <summary>
/// One entry point to every generated client, sharing one HttpClient and, when given, the personal
/// API token sent as <c>Authorization: Bearer</c>.
/// </summary>
public sealed class CaicainiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;

    public CaicainiClient(Uri baseAddress, string? apiToken = null, HttpClient? httpClient = null)
    {
        _ownsHttpClient = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        BaseAddress = baseAddress;
        if (!string.IsNullOrEmpty(apiToken))
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"caicaini-sdk/{typeof(CaicainiClient).Assembly.GetName().Version?.ToString(3)}");

        var baseUrl = baseAddress.ToString().TrimEnd('/');
        System = new SystemClient(baseUrl, _http);
        Help = new HelpClient(baseUrl, _http);
        Identity = new IdentityClient(baseUrl, _http);
        Billing = new BillingClient(baseUrl, _http);
        Models = new ModelsClient(baseUrl, _http);
        Conversations = new ConversationsClient(baseUrl, _http);
    }

    public Uri BaseAddress { get; }

    public ISystemClient System { get; }

    public IHelpClient Help { get; }

    public IIdentityClient Identity { get; }

    public IBillingClient Billing { get; }

    public IModelsClient Models { get; }

    /// <summary>Conversations; for a streamed answer read the SSE response yourself, or send with stream=false.</summary>
    public IConversationsClient Conversations { get; }

    public void Dispose()
    {
        if (_ownsHttpClient) _http.Dispose();
    }
}
