using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Testing;

namespace Caicaini.Testing;

/// <summary>Real sign-ups through the API, waiting until Billing has opened the credit account.</summary>
public static class ApiUsers
{
    public static async Task<(Guid UserId, HttpClient Client)> SignUpAsync(CaicainiAppFactory app)
    {
        var client = app.CreateClient();
        var id = Guid.NewGuid().ToString("N")[..10];
        var registered = await client.PostAsJsonAsync("/api/identity/register", new { email = $"u{id}@example.com", username = $"u{id}", password = "a billing passphrase" });
        var userId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (userId, await SignInAsync(app, $"u{id}", "a billing passphrase"));
    }

    public static async Task<HttpClient> SignInAsync(CaicainiAppFactory app, string login, string password)
    {
        var client = app.CreateClient();
        var issued = await client.PostAsJsonAsync("/api/identity/tokens", new { login, password });
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await client.GetAsync("/api/billing/balance")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The credit account did not open within 20 seconds.");
            await Task.Delay(50);
        }
        return client;
    }
}
