using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Caicaini.Testing;
using Npgsql;

namespace Caicaini.Identity.Tests;

public sealed class RegistrationApiTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task Registering_creates_the_account_and_announces_it_through_the_outbox()
    {
        var client = app.CreateClient();
        var (email, username) = Accounts.NewIdentity();

        var response = await client.PostAsJsonAsync("/api/identity/register", new { email, username, password = Accounts.GoodPassword });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(username, user.GetProperty("username").GetString());
        var id = user.GetProperty("id").GetGuid();

        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT payload::text FROM identity.outbox_messages WHERE type = 'Caicaini.Identity.Contracts.UserRegistered' AND payload->>'userId' = @id", connection);
        command.Parameters.AddWithValue("id", id.ToString());
        var payload = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!).RootElement;
        Assert.Equal(email, payload.GetProperty("email").GetString());
        Assert.Equal(username, payload.GetProperty("username").GetString());
    }

    [Fact]
    public async Task A_taken_email_or_username_is_409_whatever_the_case()
    {
        var client = app.CreateClient();
        var (email, username) = await Accounts.RegisterAsync(client);
        var (otherEmail, otherUsername) = Accounts.NewIdentity();

        var sameEmail = await client.PostAsJsonAsync("/api/identity/register",
            new { email = email.ToUpperInvariant(), username = otherUsername, password = Accounts.GoodPassword });
        var sameUsername = await client.PostAsJsonAsync("/api/identity/register",
            new { email = otherEmail, username = username.ToUpperInvariant(), password = Accounts.GoodPassword });

        await sameEmail.AssertProblemAsync(HttpStatusCode.Conflict, "email-taken");
        await sameUsername.AssertProblemAsync(HttpStatusCode.Conflict, "username-taken");
    }

    [Theory]
    [InlineData("short", "password")]
    [InlineData("password123", "password")] // common
    [InlineData("qwertyuiop", "password")] // keyboard walk
    [InlineData("aaaaaaaaaaaa", "password")] // one character
    public async Task Weak_passwords_are_422_naming_the_field(string password, string field)
    {
        var (email, username) = Accounts.NewIdentity();

        var response = await app.CreateClient().PostAsJsonAsync("/api/identity/register", new { email, username, password });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Too_long_passwords_bad_emails_and_bad_usernames_are_422()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/identity/register",
            new { email = "not-an-email", username = "no spaces allowed", password = new string('x', 100) + "yz" + new string('w', 100) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Missing_fields_are_422_and_broken_json_is_400()
    {
        var client = app.CreateClient();

        var empty = await client.PostAsJsonAsync("/api/identity/register", new { });
        var broken = await client.PostAsync("/api/identity/register", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));

        await empty.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
        await broken.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task Me_needs_a_signed_in_caller()
    {
        var response = await app.CreateClient().GetAsync("/api/identity/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
