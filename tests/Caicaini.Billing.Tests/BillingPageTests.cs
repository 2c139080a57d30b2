using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Testing;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.DoesNotContain("data-testid=\"low-balance\"", page);

        var csv = await browser.Http.GetAsync("/api/billing/ledger/export");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,occurred_at_utc,kind,bucket,amount_credits,balance_after_credits,reference,note", lines[0]);
        Assert.Matches(@"^\d+,\d{4}-\d\d-\d\dT[\d:.]+Z,grant,subscription,100,100,period:[0-9a-f]{32}:\d{17},""Free plan, first period""$", lines[1]);
    }

    [Fact]
    public async Task A_balance_under_a_tenth_of_the_grant_is_low_and_free_users_are_pointed_to_a_bigger_plan()
    {
        var low = await BillingDatabase.AccountWithAsync(app, 9 * BillingDatabase.Credit, 0);
        var fine = await BillingDatabase.AccountWithAsync(app, 9 * BillingDatabase.Credit, 2 * BillingDatabase.Credit);
        var pro = await BillingDatabase.AccountWithAsync(app, 200 * BillingDatabase.Credit, 0, plan: "pro");

        var lowBalance = await LowBalanceAsync(low);
        Assert.True(lowBalance.IsLow);
        Assert.Equal("upgrade", lowBalance.Suggestion);
        Assert.False((await LowBalanceAsync(fine)).IsLow);
        Assert.Equal((true, "topup"), ((await LowBalanceAsync(pro)).IsLow, (await LowBalanceAsync(pro)).Suggestion));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(1)", "'=HYPERLINK(1)")]
    [InlineData("-2+3", "'-2+3")]
    public void Csv_fields_are_quoted_and_formulas_defused(string value, string expected) =>
        Assert.Equal(expected, Features.ExportLedger.ExportLedgerHandler.Field(value));

    private async Task<Features.GetBalance.LowBalance> LowBalanceAsync(Guid user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var balance = await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Features.GetBalance.GetBalance(user));
        return balance.Value.LowBalance;
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
