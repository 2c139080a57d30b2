using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Billing.Features.GetBalance;
using Caicaini.Billing.Features.OpenCreditAccount;
using Caicaini.Identity.Contracts;
using Caicaini.Shared.Messaging;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Billing.Tests;

public sealed class CreditAccountTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    private const long FreeGrant = 100_000_000; // 100 credits

    [Fact]
    public async Task The_plans_are_public_and_grow_in_price_and_credits_with_the_cli_from_pro()
    {
        var plans = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/billing/plans");

        var rows = plans.EnumerateArray().Select(p => (
            Id: p.GetProperty("id").GetString(), Price: p.GetProperty("monthlyPriceUsdCents").GetInt32(),
            Credits: p.GetProperty("monthlyCreditsMicros").GetInt64(), Cli: p.GetProperty("includesCli").GetBoolean())).ToList();
        Assert.Equal(["free", "starter", "pro", "power", "ultra"], rows.Select(r => r.Id));
        Assert.Equal(0, rows[0].Price);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].Price > rows[i - 1].Price);
            Assert.True(rows[i].Credits > rows[i - 1].Credits);
        }
        Assert.Equal([false, false, true, true, true], rows.Select(r => r.Cli));
    }

    [Fact]
    public async Task A_new_user_gets_a_free_account_with_its_first_grant_through_the_outbox()
    {
        var client = app.CreateClient();
        var id = Guid.NewGuid().ToString("N")[..10];
        var registered = await client.PostAsJsonAsync("/api/identity/register", new { email = $"b{id}@example.com", username = $"b{id}", password = "a billing passphrase" });
        var userId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ApiUsers.SignInWithCookieAsync(client, $"b{id}", "a billing passphrase");

        // The account opens when the dispatcher delivers UserRegistered (it polls every 50 ms in tests).
        var balance = await EventuallyAsync(async () =>
        {
            var response = await client.GetAsync("/api/billing/balance");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        });

        Assert.Equal("free", balance.GetProperty("planId").GetString());
        Assert.Equal(FreeGrant, balance.GetProperty("subscriptionMicros").GetInt64());
        Assert.Equal(0, balance.GetProperty("topUpMicros").GetInt64());
        var start = balance.GetProperty("periodStart").GetDateTimeOffset();
        Assert.Equal(start.AddMonths(1), balance.GetProperty("periodEnd").GetDateTimeOffset());
        Assert.Equal([("Grant", "Subscription", FreeGrant)], await LedgerAsync(userId));
        await AssertBalancesEqualTheirLedgerAsync();
    }

    [Fact]
    public async Task A_redelivered_or_duplicated_registration_opens_one_account_with_one_grant()
    {
        var userId = Guid.NewGuid();
        var registered = new UserRegistered(userId, "dup@example.com", "dup");
        var context = new IntegrationEventContext(Guid.NewGuid(), DateTimeOffset.UtcNow, 1);

        await DeliverAsync(registered, context);
        await DeliverAsync(registered, context with { Attempt = 2 }); // redelivery of the same event
        await DeliverAsync(registered, new IntegrationEventContext(Guid.NewGuid(), DateTimeOffset.UtcNow, 1)); // a second event, same user

        Assert.Equal([("Grant", "Subscription", FreeGrant)], await LedgerAsync(userId));
        await AssertBalancesEqualTheirLedgerAsync();
    }

    [Fact]
    public async Task Asking_for_a_balance_before_the_account_exists_is_404()
    {
        await using var scope = app.Services.CreateAsyncScope();

        var balance = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetBalance(Guid.NewGuid()));

        Assert.Equal("credit-account-not-ready", balance.Error?.Code);
    }

    private async Task DeliverAsync(UserRegistered registered, IntegrationEventContext context)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OpenCreditAccountOnRegistration>().Handle(registered, context, default);
    }

    private Task<List<(string Kind, string Bucket, long Amount)>> LedgerAsync(Guid userId) => BillingDatabase.LedgerAsync(app, userId);

    private Task AssertBalancesEqualTheirLedgerAsync() => BillingDatabase.AssertBalancesEqualTheirLedgerAsync(app);

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(50);
        }
        throw new TimeoutException("The credit account did not open within 20 seconds.");
    }
}
