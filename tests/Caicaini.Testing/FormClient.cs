using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Caicaini.Testing;

/// <summary>
/// Fills in and submits a page's form the way a browser without JavaScript would: it keeps cookies,
/// reads the antiforgery token from the page and posts the fields.
/// </summary>
public sealed partial class FormClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<string> GetAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="page"/>, then posts <paramref name="fields"/> with its antiforgery token to <paramref name="action"/> (default: the page).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await GetAsync(page);
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{page} has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Http.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    public async Task<string> SubmitAndReadAsync(string page, IDictionary<string, string> fields, string? action = null)
    {
        var response = await SubmitAsync(page, fields, action);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
