using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Testing;

namespace Caicaini.Billing.Tests;

public sealed class BillingPageTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task A_new_user_sees_the_free_grant_on_the_billing_page_and_in_the_ledger_api()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var email = $"page{id}@example.com";
        await app.CreateClient().PostAsJsonAsync("/api/identity/register", new { email, username = $"page{id}", password = "a billing page passphrase" });
        var browser = app.CreateFormClient();
        await browser.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = email, ["Input.Password"] = "a billing page passphrase" });

        // The account opens from the UserRegistered event a moment after sign-up.
        string page = "";
        for (var attempt = 0; attempt < 200 && !page.Contains("data-testid=\"plan\">Free<"); attempt++)
        {
            page = await browser.GetAsync("/billing");
            await Task.Delay(50);
        }

        Assert.Contains("data-testid=\"plan\">Free<", page);
        Assert.Contains("data-testid=\"subscription\">100<", page);
        Assert.Contains("data-testid=\"topup\">0<", page);
        Assert.Contains("grant — Free plan, first period", page);
        Assert.Contains("✓ included", page); // the plan comparison has the CLI column

        var grants = await browser.Http.GetFromJsonAsync<JsonElement>("/api/billing/ledger?kind=grant");
        var grant = Assert.Single(grants.GetProperty("entries").EnumerateArray());
        Assert.Equal(100_000_000, grant.GetProperty("amountMicros").GetInt64());
        var charges = await browser.Http.GetFromJsonAsync<JsonElement>("/api/billing/ledger?kind=charge");
        Assert.Equal(0, charges.GetProperty("total").GetInt32());
        var nonsense = await browser.Http.GetFromJsonAsync<JsonElement>("/api/billing/ledger?bucket=nonsense");
        Assert.Equal(0, nonsense.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_billing_page_and_ledger_need_a_signed_in_user()
    {
        var browser = app.CreateFormClient();

        var page = await browser.Http.GetAsync("/billing");
        var api = await app.CreateClient().GetAsync("/api/billing/ledger");

        Assert.StartsWith("/account/sign-in", page.Headers.Location!.PathAndQuery);
        await api.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
