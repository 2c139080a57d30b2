using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Billing.Contracts;
using Caicaini.Billing.Features.ChangePlan;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Testing;

/// <summary>
/// Real sign-ups through the API, waiting until Billing has opened the credit account. Two kinds of caller:
/// a browser session (the sign-in cookie, as the web app's own scripts call the API; any plan) and a
/// personal API token (as the CLI and the SDK do; only plans that include the CLI may use the product API).
/// </summary>
public static class ApiUsers
{
    public const string Password = "a billing passphrase";

    /// <summary>A new Free user whose client carries the sign-in cookie, like the chat page's scripts.</summary>
    public static async Task<(Guid UserId, HttpClient Client)> SignUpAsync(CaicainiAppFactory app, HttpClient? client = null)
    {
        client ??= app.CreateClient(); // keeps cookies and follows the sign-in redirect
        var (userId, login) = await RegisterAsync(client);
        await SignInWithCookieAsync(client, login, Password);
        await WaitForTheAccountAsync(client);
        return (userId, client);
    }

    /// <summary>Signs <paramref name="client"/> in through the sign-in page, so it carries the cookie as a browser would.</summary>
    public static async Task SignInWithCookieAsync(HttpClient client, string login, string password)
    {
        var signedIn = await new FormClient(client).SubmitAsync("/account/sign-in",
            new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });
        if (!signedIn.IsSuccessStatusCode) throw new InvalidOperationException($"Signing in answered {(int)signedIn.StatusCode}.");
    }

    /// <summary>
    /// A new user put on <paramref name="planId"/> (comped, as an admin would) whose client sends a personal API
    /// token: the CLI's and the SDK's way in.
    /// </summary>
    public static async Task<(Guid UserId, HttpClient Client)> SignUpWithTokenAsync(CaicainiAppFactory app, string planId = "pro")
    {
        var (userId, login) = await RegisterAsync(app.CreateClient());
        await WaitForTheAccountAsync(app, userId);
        if (planId != "free")
        {
            await using var scope = app.Services.CreateAsyncScope();
            var changed = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ChangePlan(userId, Guid.Empty, planId, 1, "test set-up"));
            if (!changed.IsSuccess) throw new InvalidOperationException(changed.Error!.Message);
        }
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, login, Password));
        return (userId, client);
    }

    /// <summary>A bearer-token client for an existing account (staff in the tests: their API use is not plan-bound).</summary>
    public static async Task<HttpClient> SignInAsync(CaicainiAppFactory app, string login, string password)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, login, password));
        await WaitForTheAccountAsync(client);
        return client;
    }

    private static async Task<(Guid UserId, string Login)> RegisterAsync(HttpClient client)
    {
        var login = $"u{Guid.NewGuid().ToString("N")[..10]}";
        var registered = await client.PostAsJsonAsync("/api/identity/register", new { email = $"{login}@example.com", username = login, password = Password });
        if (registered.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Registering answered {(int)registered.StatusCode}.");
        return ((await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), login);
    }

    private static async Task<string> TokenAsync(HttpClient client, string login, string password)
    {
        var issued = await client.PostAsJsonAsync("/api/identity/tokens", new { login, password });
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    // The account opens when the outbox delivers UserRegistered to Billing (polled every 50 ms in tests).
    private static Task WaitForTheAccountAsync(HttpClient client) =>
        EventuallyAsync(async () => (await client.GetAsync("/api/billing/balance")).StatusCode == HttpStatusCode.OK);

    private static Task WaitForTheAccountAsync(CaicainiAppFactory app, Guid userId) =>
        EventuallyAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetAccountPlan(userId)) is not null;
        });

    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The credit account did not open within 20 seconds.");
            await Task.Delay(50);
        }
    }
}
