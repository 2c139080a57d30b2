using Caicaini.Billing.Features.ApplyPayments;
using Caicaini.Payments.Contracts;
using Caicaini.Shared.Messaging;
using Caicaini.Shared.Money;
using Caicaini.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Caicaini.Billing.Tests.BillingDatabase;

namespace Caicaini.Billing.Tests;

/// <summary>The contract Payments will publish on: top-ups, plan purchases and refunds, each applied exactly once.</summary>
public sealed class PaymentEventTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task A_purchased_top_up_lands_in_the_top_up_bucket_once_even_when_published_twice()
    {
        var user = await AccountWithAsync(app, 10 * Credit, 0);
        var purchased = new CreditsPurchased(user, Credits.FromWhole(500), "np:" + Guid.NewGuid());

        await DeliverAsync<CreditsPurchased, AddPurchasedCredits>(purchased);
        await DeliverAsync<CreditsPurchased, AddPurchasedCredits>(purchased); // same payment, second event id

        Assert.Equal((10 * Credit, 500 * Credit), await BalancesAsync(app, user));
        Assert.Single(await LedgerAsync(app, user), e => e.Kind == "TopUp");
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task Buying_a_plan_starts_it_now_with_its_grant_and_buying_it_again_extends_what_is_paid()
    {
        var user = await AccountWithAsync(app, 40 * Credit, 0);

        await DeliverAsync<PlanPurchased, StartPurchasedPlan>(new PlanPurchased(user, "pro", 1, "np:" + Guid.NewGuid()));
        var (plan, periodEnd, paidThrough) = await PlanAsync(user);
        await DeliverAsync<PlanPurchased, StartPurchasedPlan>(new PlanPurchased(user, "pro", 2, "np:" + Guid.NewGuid()));
        var (_, periodEndAfter, paidThroughAfter) = await PlanAsync(user);

        Assert.Equal("pro", plan);
        Assert.Equal(periodEnd, paidThrough);
        Assert.Equal(periodEnd, periodEndAfter); // the period goes on
        Assert.Equal(paidThrough.AddMonths(2), paidThroughAfter);
        Assert.Equal((2_240 * Credit, 0), await BalancesAsync(app, user)); // 40 carried over + 2,200; one grant only
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task A_refund_claws_back_top_up_credits_never_below_zero_and_records_what_was_already_spent()
    {
        var user = await AccountWithAsync(app, 10 * Credit, 5 * Credit);
        var reference = "np:" + Guid.NewGuid();

        await DeliverAsync<PaymentRefunded, ClawBackRefund>(new PaymentRefunded(user, Credits.FromWhole(8), reference));
        await DeliverAsync<PaymentRefunded, ClawBackRefund>(new PaymentRefunded(user, Credits.FromWhole(8), reference));

        Assert.Equal((10 * Credit, 0), await BalancesAsync(app, user)); // subscription credits are not the refund's
        Assert.Equal(("Refund", "TopUp", -5 * Credit), (await LedgerAsync(app, user))[^1]);
        Assert.Equal((8 * Credit, 5 * Credit, 3 * Credit), await ApplicationAsync("refund", reference));
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task A_payment_for_an_unknown_plan_fails_loudly_so_the_outbox_retries_and_changes_nothing()
    {
        var user = await AccountWithAsync(app, 10 * Credit, 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DeliverAsync<PlanPurchased, StartPurchasedPlan>(new PlanPurchased(user, "platinum", 1, "np:" + Guid.NewGuid())));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DeliverAsync<CreditsPurchased, AddPurchasedCredits>(new CreditsPurchased(user, Credits.FromWhole(-3), "np:" + Guid.NewGuid())));

        Assert.Equal((10 * Credit, 0), await BalancesAsync(app, user));
    }

    private async Task DeliverAsync<TEvent, TConsumer>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent where TConsumer : IIntegrationEventHandler<TEvent>
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TConsumer>()
            .Handle(integrationEvent, new IntegrationEventContext(Guid.NewGuid(), DateTimeOffset.UtcNow, 1), default);
    }

    private async Task<(string Plan, DateTimeOffset PeriodEnd, DateTimeOffset PaidThrough)> PlanAsync(Guid user)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT plan_id, period_end, paid_through FROM billing.credit_accounts WHERE user_id = @id", connection);
        command.Parameters.AddWithValue("id", user);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2));
    }

    private async Task<(long Requested, long Applied, long Shortfall)> ApplicationAsync(string kind, string reference)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT requested_micros, applied_micros, shortfall_micros FROM billing.payment_applications WHERE kind = @kind AND payment_reference = @reference", connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("reference", reference);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        Assert.False(await reader.ReadAsync());
        return row;
    }
}
