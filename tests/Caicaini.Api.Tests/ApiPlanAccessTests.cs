using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Billing.Features.ChangePlan;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Api.Tests;

/// <summary>Free and Starter are web-only: an API token (the CLI, the SDK) opens the product API only on Pro, Power and Ultra.</summary>
public sealed class ApiPlanAccessTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Theory]
    [InlineData("free", "Free")]
    [InlineData("starter", "Starter")]
    public async Task A_token_on_a_web_only_plan_is_refused_with_what_to_do_while_the_browser_session_works(string planId, string planName)
    {
        var (userId, token) = await ApiUsers.SignUpWithTokenAsync(app, planId);
        var (_, browser) = await ApiUsers.SignUpAsync(app); // a Free user in the web app: the same endpoints work with the cookie

        foreach (var path in new[] { "/api/conversations", "/api/billing/balance", "/api/billing/ledger" })
        {
            var problem = await (await token.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden, "plan-without-api");
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains($"Your plan ({planName})", detail);
            Assert.Contains("Pro, Power or Ultra", detail);
            Assert.Contains("/billing", detail);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
        }
        var refusedPost = await token.PostAsJsonAsync("/api/conversations", new { title = "from the CLI" });
        await refusedPost.AssertProblemAsync(HttpStatusCode.Forbidden, "plan-without-api");
        Assert.Equal(0, await app.Database.ScalarAsync("SELECT count(*) FROM conversations.conversations WHERE user_id = @u", ("u", userId)));

        // Who am I and token management stay open, so the CLI can say which plan the account is on.
        var me = await token.GetFromJsonAsync<JsonElement>("/api/identity/me");
        Assert.Equal(planId, me.GetProperty("plan").GetProperty("planId").GetString());
        Assert.False(me.GetProperty("plan").GetProperty("includesCli").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/identity/tokens")).StatusCode);
    }

    [Fact]
    public async Task An_upgrade_opens_the_api_to_the_same_token_at_once()
    {
        var (userId, token) = await ApiUsers.SignUpWithTokenAsync(app, "free");
        await (await token.GetAsync("/api/conversations")).AssertProblemAsync(HttpStatusCode.Forbidden, "plan-without-api");

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ChangePlan(userId, Guid.Empty, "power", 1, "upgrade"))).IsSuccess);

        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/billing/balance")).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_or_cookie_the_api_is_401_not_a_plan_refusal()
    {
        var response = await app.CreateClient().GetAsync("/api/conversations");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString()); // says how to get in
    }

    [Fact]
    public async Task A_signed_in_user_calling_an_admin_operation_is_403_saying_it_needs_a_role()
    {
        var (user, client) = await ApiUsers.SignUpWithTokenAsync(app);

        var response = await client.PostAsJsonAsync($"/api/billing/admin/accounts/{user}/adjustments", new { bucket = "topup", amountMicros = 5, reason = "mine" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("role", problem.GetProperty("detail").GetString());
    }
}
