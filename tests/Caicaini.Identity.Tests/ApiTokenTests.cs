using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Caicaini.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Caicaini.Identity.Tests;

public sealed class TokenFactory : CaicainiAppFactory
{
    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Identity:MaxFailedAccessAttempts", "3")];
}

public sealed class ApiTokenTests(TokenFactory app) : IClassFixture<TokenFactory>
{
    [Fact]
    public async Task A_token_from_credentials_signs_api_calls_in_and_only_its_hash_is_stored()
    {
        var client = app.CreateClient();
        var (email, username) = await Accounts.RegisterAsync(client);

        var token = await Accounts.TokenAsync(client, username); // by username…
        var byEmail = await Accounts.TokenAsync(client, email); // …or by email
        var me = await client.GetWithTokenAsync("/api/identity/me", token);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
        Assert.StartsWith("cai_", token);
        Assert.NotEqual(token, byEmail);

        // The database holds the SHA-256 and a short prefix, never the token.
        var everything = await DumpIdentitySchemaAsync();
        Assert.DoesNotContain(token, everything);
        Assert.DoesNotContain(token[12..], everything);
        Assert.Contains(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant(), everything);
    }

    [Fact]
    public async Task Tokens_are_listed_without_secrets_and_a_revoked_token_is_401()
    {
        var client = app.CreateClient();
        var (_, username) = await Accounts.RegisterAsync(client);
        var token = await Accounts.TokenAsync(client, username);

        var list = await (await client.GetWithTokenAsync("/api/identity/tokens", token)).Content.ReadFromJsonAsync<JsonElement>();
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(token[..12], listed.GetProperty("prefix").GetString());
        Assert.DoesNotContain(token, list.GetRawText());

        var revoke = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/identity/tokens/{listed.GetProperty("id").GetGuid()}").WithBearer(token));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        var after = await client.GetWithTokenAsync("/api/identity/me", token);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Someone_elses_token_cannot_be_revoked()
    {
        var client = app.CreateClient();
        var (_, alice) = await Accounts.RegisterAsync(client);
        var (_, bob) = await Accounts.RegisterAsync(client);
        var aliceToken = await Accounts.TokenAsync(client, alice);
        var bobToken = await Accounts.TokenAsync(client, bob);
        var aliceTokenId = (await (await client.GetWithTokenAsync("/api/identity/tokens", aliceToken)).Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetGuid();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/identity/tokens/{aliceTokenId}").WithBearer(bobToken));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "token-not-found");
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithTokenAsync("/api/identity/me", aliceToken)).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var client = app.CreateClient();
        var (_, username) = await Accounts.RegisterAsync(client);
        var response = await Accounts.IssueTokenAsync(client, username, Accounts.GoodPassword, expiresInDays: 1);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithTokenAsync("/api/identity/me", token)).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        await (await client.GetWithTokenAsync("/api/identity/me", token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("cai_doesnotexistdoesnotexistdoesnotexistdoesnot")]
    [InlineData("not-even-shaped-like-a-token")]
    [InlineData("")]
    public async Task Unknown_or_malformed_tokens_are_401(string token)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/identity/me") { Headers = { { "Authorization", "Bearer " + token } } });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Wrong_passwords_get_one_generic_answer_and_lock_the_account()
    {
        var client = app.CreateClient();
        var (_, username) = await Accounts.RegisterAsync(client);

        var unknown = await Accounts.IssueTokenAsync(client, "nobody-" + username, "whatever whatever");
        var wrong = await Accounts.IssueTokenAsync(client, username, "not the password at all");
        var unknownProblem = await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        var wrongProblem = await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.Equal(unknownProblem.GetProperty("detail").GetString(), wrongProblem.GetProperty("detail").GetString());

        await Accounts.IssueTokenAsync(client, username, "not the password at all");
        await Accounts.IssueTokenAsync(client, username, "not the password at all"); // third failure: locked

        var right = await Accounts.IssueTokenAsync(client, username, Accounts.GoodPassword);
        await right.AssertProblemAsync(HttpStatusCode.Unauthorized, "locked-out");
    }

    private async Task<string> DumpIdentitySchemaAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        foreach (var table in new[] { "api_tokens", "users", "user_tokens", "outbox_messages" })
        {
            await using var command = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, ' '), '') FROM identity.{table} t", connection);
            text.Append(await command.ExecuteScalarAsync()).Append(' ');
        }
        // bytea prints as \x<hex>; keep the hex so the hash can be found.
        return text.ToString().Replace("\\\\x", "").Replace("\\x", "");
    }
}
