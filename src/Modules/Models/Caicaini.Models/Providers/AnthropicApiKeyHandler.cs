namespace Caicaini.Models.Providers;

/// <summary>
/// Anthropic's API takes API keys in <c>x-api-key</c>; this SDK version sends any configured key as
/// <c>Authorization: Bearer</c> (meant for OAuth tokens). So the SDK gets no key (and reads none from the
/// environment) and this handler puts ours where the API expects it.
/// </summary>
internal sealed class AnthropicApiKeyHandler(string apiKey) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        request.Headers.Remove("x-api-key");
        request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
