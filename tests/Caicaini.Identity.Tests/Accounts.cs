using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Caicaini.Identity.Tests;

/// <summary>Small steps the tests repeat: make an account, get a token, call the API with it.</summary>
public static class Accounts
{
    public const string GoodPassword = "correct horse battery staple";

    public static (string Email, string Username) NewIdentity()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return ($"user{id}@example.com", $"user{id}");
    }

    public static async Task<(string Email, string Username)> RegisterAsync(HttpClient client, string password = GoodPassword)
    {
        var (email, username) = NewIdentity();
        var response = await client.PostAsJsonAsync("/api/identity/register", new { email, username, password });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (email, username);
    }

    public static async Task<HttpResponseMessage> IssueTokenAsync(HttpClient client, string login, string password, string? twoFactorCode = null, int? expiresInDays = null) =>
        await client.PostAsJsonAsync("/api/identity/tokens", new { login, password, twoFactorCode, name = "test", expiresInDays });

    public static async Task<string> TokenAsync(HttpClient client, string login, string password = GoodPassword)
    {
        var response = await IssueTokenAsync(client, login, password);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static Task<HttpResponseMessage> GetWithTokenAsync(this HttpClient client, string path, string token) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path).WithBearer(token));
}
