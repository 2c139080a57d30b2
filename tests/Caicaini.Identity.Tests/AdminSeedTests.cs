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
