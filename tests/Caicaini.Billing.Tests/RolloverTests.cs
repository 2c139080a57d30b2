using Caicaini.Billing.Contracts;
using Caicaini.Billing.Features.GetBalance;
using Caicaini.Billing.Features.Sweep;
using Caicaini.Shared.Money;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static Caicaini.Billing.Tests.BillingDatabase;

namespace Caicaini.Billing.Tests;

/// <summary>The Host with a clock the tests move, and the sweeper run by hand instead of on a timer.</summary>
public sealed class ClockedBillingApp : CaicainiAppFactory
{
    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("Billing:SweepEnabled", "false"), new("Outbox:Enabled", "false")];
}

public sealed class RolloverTests(ClockedBillingApp app) : IClassFixture<ClockedBillingApp>
{
    private const long FreeGrant = 100 * Credit, ProGrant = 2_200 * Credit;

    [Fact]
    public async Task At_the_end_of_a_period_unused_subscription_credits_expire_and_the_next_grant_arrives_top_up_untouched()
    {
        var start = app.Clock.GetUtcNow();
        var user = await AccountWithAsync(app, 30 * Credit, 5 * Credit, start);
        app.Clock.SetUtcNow(start.AddMonths(1).AddMinutes(1));

        var balance = await BalanceAsync(user);

        Assert.Equal((FreeGrant, 5 * Credit), (balance.SubscriptionMicros, balance.TopUpMicros));
        Assert.Equal(start.AddMonths(1), balance.PeriodStart);
        Assert.Equal(start.AddMonths(2), balance.PeriodEnd);
        var ledger = await LedgerWithTimesAsync(app, user);
        Assert.Equal(("Expire", "Subscription", -30 * Credit, start.AddMonths(1)), ledger[^2]);
        Assert.Equal(("Grant", "Subscription", FreeGrant, start.AddMonths(1)), ledger[^1]);
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task A_paid_plan_renews_while_paid_through_the_period_and_then_falls_back_to_free()
    {
        var start = app.Clock.GetUtcNow();
        var user = await AccountWithAsync(app, ProGrant, 0, start, plan: "pro", paidThrough: start.AddMonths(2));

        app.Clock.SetUtcNow(start.AddMonths(1).AddSeconds(1));
        var second = await BalanceAsync(user);
        app.Clock.SetUtcNow(start.AddMonths(2).AddSeconds(1));
        var third = await BalanceAsync(user);

        Assert.Equal(("pro", ProGrant), (second.PlanId, second.SubscriptionMicros));
        Assert.Equal(("free", FreeGrant), (third.PlanId, third.SubscriptionMicros));
        Assert.Null(third.PaidThrough);
        Assert.Equal(
            [("Adjust", "Subscription", ProGrant), ("Expire", "Subscription", -ProGrant), ("Grant", "Subscription", ProGrant),
             ("Expire", "Subscription", -ProGrant), ("Grant", "Subscription", FreeGrant)],
            await LedgerAsync(app, user));
    }

    [Fact]
    public async Task Several_missed_periods_are_caught_up_one_by_one()
    {
        var start = app.Clock.GetUtcNow();
        var user = await AccountWithAsync(app, 7 * Credit, 0, start);
        app.Clock.SetUtcNow(start.AddMonths(3).AddDays(2));

        var balance = await BalanceAsync(user);

        Assert.Equal(start.AddMonths(3), balance.PeriodStart);
        Assert.Equal(FreeGrant, balance.SubscriptionMicros);
        var kinds = (await LedgerAsync(app, user)).Select(e => e.Kind).ToList();
        Assert.Equal(["Adjust", "Expire", "Grant", "Expire", "Grant", "Expire", "Grant"], kinds);
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task A_reserve_after_the_period_ended_spends_the_new_grant_not_the_expired_credits()
    {
        var start = app.Clock.GetUtcNow();
        var user = await AccountWithAsync(app, 3 * Credit, 0, start);
        app.Clock.SetUtcNow(start.AddMonths(1));

        var reservation = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(50), Ref()))).Value;

        Assert.True(reservation.Reserved);
        Assert.Equal((50 * Credit, 0), await BalancesAsync(app, user));
        Assert.Contains(("Expire", "Subscription", -3 * Credit), await LedgerAsync(app, user));
    }

    [Fact]
    public async Task Lazy_and_swept_rollover_write_the_same_entries_and_sweeping_again_or_at_once_changes_nothing()
    {
        var start = app.Clock.GetUtcNow();
        var lazy = await AccountWithAsync(app, 12 * Credit, 4 * Credit, start, plan: "starter", paidThrough: start.AddMonths(2));
        var swept = await AccountWithAsync(app, 12 * Credit, 4 * Credit, start, plan: "starter", paidThrough: start.AddMonths(2));
        app.Clock.SetUtcNow(start.AddMonths(2).AddHours(1));

        await BalanceAsync(lazy);
        var sweeper = app.Services.GetRequiredService<BillingSweeper>();
        await Task.WhenAll(sweeper.RunOnceAsync(default), sweeper.RunOnceAsync(default), sweeper.RunOnceAsync(default)); // instances racing
        await sweeper.RunOnceAsync(default);

        var lazyLedger = await LedgerWithTimesAsync(app, lazy);
        Assert.Equal(lazyLedger, await LedgerWithTimesAsync(app, swept));
        Assert.Equal(6, lazyLedger.Count); // set-up ×2, expire + Starter grant (paid through), expire + Free grant (not paid)
        Assert.Equal(await BalancesAsync(app, lazy), await BalancesAsync(app, swept));
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task The_sweeper_releases_holds_older_than_the_timeout_and_leaves_younger_ones()
    {
        var start = app.Clock.GetUtcNow();
        var user = await AccountWithAsync(app, 10 * Credit, 0, start);
        var old = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(4), Ref()))).Value.HoldId!.Value;
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var young = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(3), Ref()))).Value.HoldId!.Value;
        app.Clock.Advance(TimeSpan.FromMinutes(5)); // old: 11 minutes, young: 5

        await app.Services.GetRequiredService<BillingSweeper>().RunOnceAsync(default);

        Assert.Equal((7 * Credit, 0), await BalancesAsync(app, user));
        Assert.True((await SendAsync(new SettleHold(young, Credits.FromWhole(1)))).IsSuccess);
        Assert.Equal("hold-released", (await SendAsync(new SettleHold(old, Credits.FromWhole(1)))).Error?.Code);
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task A_renewed_hold_outlives_the_timeout_and_is_released_once_its_renewals_stop()
    {
        var start = app.Clock.GetUtcNow();
        var user = await AccountWithAsync(app, 10 * Credit, 0, start);
        var hold = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(4), Ref()))).Value.HoldId!.Value;
        var sweeper = app.Services.GetRequiredService<BillingSweeper>();

        for (var minute = 0; minute < 30; minute += 5) // a 30-minute answer renewing every 5 minutes
        {
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.True((await SendAsync(new RenewHold(hold))).IsSuccess);
            await sweeper.RunOnceAsync(default);
        }
        Assert.Equal((6 * Credit, 0), await BalancesAsync(app, user)); // still held

        app.Clock.Advance(TimeSpan.FromMinutes(11)); // the renewals stopped: its process died
        await sweeper.RunOnceAsync(default);

        Assert.Equal((10 * Credit, 0), await BalancesAsync(app, user));
        Assert.Equal("hold-closed", (await SendAsync(new RenewHold(hold))).Error?.Code);
        Assert.Equal("hold-not-found", (await SendAsync(new RenewHold(Guid.NewGuid()))).Error?.Code);
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task A_hold_that_spans_the_period_end_charges_its_reply_and_lets_the_rest_of_the_old_credits_expire()
    {
        var start = app.Clock.GetUtcNow();
        var user = await AccountWithAsync(app, 30 * Credit, 0, start);
        app.Clock.SetUtcNow(start.AddMonths(1).AddMinutes(-1));
        var hold = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(10), Ref()))).Value.HoldId!.Value;
        app.Clock.SetUtcNow(start.AddMonths(1).AddMinutes(1));

        var settlement = (await SendAsync(new SettleHold(hold, Credits.FromWhole(4)))).Value;

        Assert.Equal(Credits.FromWhole(4), settlement.Charged);
        Assert.Equal(FreeGrant, settlement.SubscriptionAfter.Micros); // the new grant is whole
        Assert.Equal((FreeGrant, 0), await BalancesAsync(app, user));
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    private async Task<Balance> BalanceAsync(Guid user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetBalance(user))).Value;
    }

    private async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private static string Ref() => "test:" + Guid.NewGuid().ToString("N");
}
