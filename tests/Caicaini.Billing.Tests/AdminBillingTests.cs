using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Testing;
using Npgsql;
using static Caicaini.Billing.Tests.BillingDatabase;

namespace Caicaini.Billing.Tests;

public sealed class BillingAdminApp : CaicainiAppFactory
{
    public const string Email = "treasurer@caicaini.test";
    public const string Password = "a treasurer's long passphrase";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("Admin:Email", Email), new("Admin:Password", Password), new("Admin:Username", "treasurer")];
}

public sealed class AdminBillingTests(BillingAdminApp app) : IClassFixture<BillingAdminApp>
{
    [Fact]
    public async Task An_admin_grants_and_deducts_with_a_reason_and_the_audit_names_the_admin()
    {
        var (user, _) = await ApiUsers.SignUpAsync(app);
        var admin = await ApiUsers.SignInAsync(app, BillingAdminApp.Email, BillingAdminApp.Password);

        var granted = await admin.PostAsJsonAsync($"/api/billing/admin/accounts/{user}/adjustments",
            new { bucket = "topup", amountMicros = 25 * Credit, reason = "Outage on 2 Dec, ticket #41" });
        var deducted = await admin.PostAsJsonAsync($"/api/billing/admin/accounts/{user}/adjustments",
            new { bucket = "subscription", amountMicros = -10 * Credit, reason = "Duplicate promo" });

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deducted.StatusCode);
        Assert.Equal((90 * Credit, 25 * Credit), await BalancesAsync(app, user));
        var account = await admin.GetFromJsonAsync<JsonElement>($"/api/billing/admin/accounts/{user}");
        var audit = account.GetProperty("adjustments").EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("reason").GetString())).ToList();
        Assert.Equal([("deduct", "Duplicate promo"), ("grant", "Outage on 2 Dec, ticket #41")], audit);
        Assert.Equal(await AdminIdAsync(), account.GetProperty("adjustments")[0].GetProperty("adminId").GetGuid());
        Assert.Equal(2, (await LedgerAsync(app, user)).Count(e => e.Kind == "Adjust"));
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Theory]
    [InlineData("topup", -1_000_000L, "More than the bucket holds", 422, "insufficient-credits")]
    [InlineData("topup", 0L, "Zero", 422, "validation")]
    [InlineData("topup", 5_000_000L, "", 422, "validation")]
    [InlineData("gold", 5_000_000L, "Unknown bucket", 422, "validation")]
    [InlineData("topup", long.MaxValue, "Overflow", 422, "validation")]
    public async Task Bad_adjustments_are_refused_with_problem_details_and_change_nothing(string bucket, long amount, string reason, int status, string code)
    {
        var (user, _) = await ApiUsers.SignUpAsync(app);
        var admin = await ApiUsers.SignInAsync(app, BillingAdminApp.Email, BillingAdminApp.Password);

        var response = await admin.PostAsJsonAsync($"/api/billing/admin/accounts/{user}/adjustments", new { bucket, amountMicros = amount, reason });

        await ProblemAssertions.AssertProblemAsync(response, (HttpStatusCode)status, code);
        Assert.Equal((100 * Credit, 0), await BalancesAsync(app, user));
    }

    [Fact]
    public async Task An_admin_comps_a_plan_and_me_shows_it_while_unknown_plans_and_strangers_are_refused()
    {
        var (user, userClient) = await ApiUsers.SignUpAsync(app);
        var admin = await ApiUsers.SignInAsync(app, BillingAdminApp.Email, BillingAdminApp.Password);

        var unknown = await admin.PostAsJsonAsync($"/api/billing/admin/accounts/{user}/plan", new { planId = "platinum", periods = 1, reason = "x" });
        var byUser = await userClient.PostAsJsonAsync($"/api/billing/admin/accounts/{user}/plan", new { planId = "ultra", periods = 12, reason = "me" });
        var noSuchUser = await admin.PostAsJsonAsync($"/api/billing/admin/accounts/{Guid.NewGuid()}/plan", new { planId = "pro", periods = 1, reason = "x" });
        var comped = await admin.PostAsJsonAsync($"/api/billing/admin/accounts/{user}/plan", new { planId = "pro", periods = 3, reason = "Partner programme" });

        await ProblemAssertions.AssertProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "unknown-plan");
        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
        await ProblemAssertions.AssertProblemAsync(noSuchUser, HttpStatusCode.NotFound, "credit-account-not-found");
        Assert.Equal(HttpStatusCode.OK, comped.StatusCode);
        var me = await userClient.GetFromJsonAsync<JsonElement>("/api/identity/me");
        Assert.Equal("pro", me.GetProperty("plan").GetProperty("planId").GetString());
        Assert.True(me.GetProperty("plan").GetProperty("includesCli").GetBoolean());
        Assert.Equal((2_300 * Credit, 0), await BalancesAsync(app, user)); // Free's 100 carried into Pro's 2,200
    }

    [Fact]
    public async Task The_admin_page_grants_credits_from_a_form_and_shows_the_audit()
    {
        var (user, _) = await ApiUsers.SignUpAsync(app);
        var admin = app.CreateFormClient();
        await admin.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = BillingAdminApp.Email, ["Input.Password"] = BillingAdminApp.Password });

        var refused = await admin.SubmitAndReadAsync($"/admin/billing/{user}",
            new Dictionary<string, string> { ["Adjust.Direction"] = "grant", ["Adjust.Bucket"] = "topup", ["Adjust.Amount"] = "12.5", ["Adjust.Reason"] = "" },
            $"/admin/billing/{user}?handler=Adjust");
        var granted = await admin.SubmitAsync($"/admin/billing/{user}",
            new Dictionary<string, string> { ["Adjust.Direction"] = "grant", ["Adjust.Bucket"] = "topup", ["Adjust.Amount"] = "12.5", ["Adjust.Reason"] = "Goodwill" },
            $"/admin/billing/{user}?handler=Adjust");
        var page = await admin.GetAsync($"/admin/billing/{user}");

        Assert.Contains("Say why", refused);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains("Goodwill", page);
        Assert.Equal((100 * Credit, 12_500_000), await BalancesAsync(app, user));
    }

    private async Task<Guid> AdminIdAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM identity.users WHERE normalized_email = upper(@email)", connection);
        command.Parameters.AddWithValue("email", BillingAdminApp.Email);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
