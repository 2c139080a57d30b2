using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Testing;

namespace Caicaini.Identity.Tests;

public sealed class AdminFactory : CaicainiAppFactory
{
    public const string Email = "root@caicaini.test";
    public const string Password = "a long admin passphrase";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("Admin:Email", Email), new("Admin:Password", Password), new("Admin:Username", "root")];
}

public sealed class AdminSeedTests(AdminFactory app) : IClassFixture<AdminFactory>
{
    [Fact]
    public async Task The_configured_first_admin_exists_with_the_admin_role()
    {
        var client = app.CreateClient();
        var token = await Accounts.TokenAsync(client, AdminFactory.Email, AdminFactory.Password);

        var me = await (await client.GetWithTokenAsync("/api/identity/me", token)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("root", me.GetProperty("username").GetString());
        Assert.Equal(["Admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}

public sealed class AdminPagesTests(AdminFactory app) : IClassFixture<AdminFactory>
{
    [Fact]
    public async Task Staff_find_users_by_email_or_username()
    {
        var (email, username) = await Accounts.RegisterAsync(app.CreateClient());
        var (otherEmail, _) = await Accounts.RegisterAsync(app.CreateClient());
        var admin = await SignedInAsync(AdminFactory.Email, AdminFactory.Password);

        var home = await admin.GetAsync("/");
        Assert.Contains("href=\"/admin\"", home); // the Admin area shows in the navigation for staff

        var byUsername = await admin.GetAsync("/admin/users?q=" + username.ToUpperInvariant());
        Assert.Contains(email, byUsername);
        Assert.DoesNotContain(otherEmail, byUsername);
        var byEmail = await admin.GetAsync("/admin/users?q=" + Uri.EscapeDataString(otherEmail));
        Assert.Contains(otherEmail, byEmail);
        Assert.Contains("1 account matching", byEmail);
    }

    [Fact]
    public async Task Ordinary_users_and_strangers_cannot_open_the_back_office()
    {
        var (email, _) = await Accounts.RegisterAsync(app.CreateClient());
        var user = await SignedInAsync(email, Accounts.GoodPassword);
        var stranger = app.CreateFormClient();

        var forUser = await user.Http.GetAsync("/admin/users");
        var forStranger = await stranger.Http.GetAsync("/admin/users");

        Assert.StartsWith("/account/access-denied", forUser.Headers.Location!.PathAndQuery);
        Assert.StartsWith("/account/sign-in", forStranger.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("href=\"/admin\"", await user.GetAsync("/"));
    }

    private async Task<FormClient> SignedInAsync(string login, string password)
    {
        var browser = app.CreateFormClient();
        var response = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }
}
