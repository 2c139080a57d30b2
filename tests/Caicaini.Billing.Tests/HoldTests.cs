using Caicaini.Billing.Contracts;
using Caicaini.Shared.Money;
using Caicaini.Shared.Results;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static Caicaini.Billing.Tests.BillingDatabase;

namespace Caicaini.Billing.Tests;

public sealed class HoldTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task Reserve_takes_subscription_credits_before_top_up()
    {
        var user = await AccountWithAsync(app, 3 * Credit, 5 * Credit);

        var reservation = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(4), Ref()))).Value;

        Assert.True(reservation.Reserved);
        Assert.Equal(Credits.FromWhole(3), reservation.FromSubscription);
        Assert.Equal(Credits.FromWhole(1), reservation.FromTopUp);
        Assert.Equal((0, 4 * Credit), await BalancesAsync(app, user));
    }

    [Fact]
    public async Task Reserve_is_a_no_op_when_replayed_with_the_same_reference()
    {
        var user = await AccountWithAsync(app, 10 * Credit, 0);
        var reference = Ref();

        var first = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(4), reference))).Value;
        var again = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(4), reference))).Value;

        Assert.Equal(first.HoldId, again.HoldId);
        Assert.Equal((6 * Credit, 0), await BalancesAsync(app, user));
    }

    [Fact]
    public async Task Reserve_refuses_what_the_balance_cannot_cover_and_says_what_is_available()
    {
        var user = await AccountWithAsync(app, 1 * Credit, 1 * Credit);

        var reservation = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(3), Ref()))).Value;

        Assert.False(reservation.Reserved);
        Assert.Null(reservation.HoldId);
        Assert.Equal(Credits.FromWhole(2), reservation.Available);
        Assert.Equal((Credit, Credit), await BalancesAsync(app, user));
    }

    [Fact]
    public async Task Settle_charges_the_actual_cost_subscription_first_and_releases_the_rest()
    {
        var user = await AccountWithAsync(app, 3 * Credit, 5 * Credit);
        var hold = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(4), Ref()))).Value.HoldId!.Value;

        var settlement = (await SendAsync(new SettleHold(hold, Credits.FromMicros(2_500_000)))).Value;

        Assert.Equal(Credits.FromMicros(2_500_000), settlement.Charged);
        Assert.Equal(Credits.FromMicros(2_500_000), settlement.FromSubscription);
        Assert.Equal(Credits.Zero, settlement.FromTopUp);
        Assert.Equal(Credits.Zero, settlement.Shortfall);
        Assert.Equal((500_000, 5 * Credit), (settlement.SubscriptionAfter.Micros, settlement.TopUpAfter.Micros));
        Assert.Equal((500_000, 5 * Credit), await BalancesAsync(app, user));
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task Settling_above_the_balance_charges_what_is_there_and_records_the_shortfall()
    {
        var user = await AccountWithAsync(app, 2 * Credit, 1 * Credit);
        var hold = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(1), Ref()))).Value.HoldId!.Value;

        var settlement = (await SendAsync(new SettleHold(hold, Credits.FromWhole(5)))).Value;

        Assert.Equal(Credits.FromWhole(3), settlement.Charged);
        Assert.Equal(Credits.FromWhole(2), settlement.FromSubscription);
        Assert.Equal(Credits.FromWhole(1), settlement.FromTopUp);
        Assert.Equal(Credits.FromWhole(2), settlement.Shortfall);
        Assert.Equal((0, 0), await BalancesAsync(app, user));
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task Settle_and_release_are_idempotent_and_exclusive()
    {
        var user = await AccountWithAsync(app, 10 * Credit, 0);
        var settled = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(2), Ref()))).Value.HoldId!.Value;
        var released = (await SendAsync(new ReserveCredits(user, Credits.FromWhole(3), Ref()))).Value.HoldId!.Value;

        var first = (await SendAsync(new SettleHold(settled, Credits.FromWhole(1)))).Value;
        var replay = (await SendAsync(new SettleHold(settled, Credits.FromWhole(2)))).Value; // a replay, even with another cost
        Assert.Equal(first, replay);
        Assert.True((await SendAsync(new ReleaseHold(released))).IsSuccess);
        Assert.True((await SendAsync(new ReleaseHold(released))).IsSuccess); // no-op

        Assert.Equal("hold-settled", (await SendAsync(new ReleaseHold(settled))).Error!.Code);
        Assert.Equal("hold-released", (await SendAsync(new SettleHold(released, Credits.FromWhole(1)))).Error!.Code);
        Assert.Equal("hold-not-found", (await SendAsync(new SettleHold(Guid.NewGuid(), Credits.FromWhole(1)))).Error!.Code);
        Assert.Equal((9 * Credit, 0), await BalancesAsync(app, user));
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task Zero_negative_or_unknown_inputs_are_refused_and_change_nothing()
    {
        var user = await AccountWithAsync(app, 5 * Credit, 0);

        await Assert.ThrowsAsync<RequestValidationException>(async () => await SendAsync(new ReserveCredits(user, Credits.Zero, Ref())));
        await Assert.ThrowsAsync<RequestValidationException>(async () => await SendAsync(new ReserveCredits(user, Credits.FromWhole(-1), Ref())));
        await Assert.ThrowsAsync<RequestValidationException>(async () => await SendAsync(new ReserveCredits(user, Credits.FromWhole(1), "")));
        Assert.Equal("credit-account-not-found", (await SendAsync(new ReserveCredits(Guid.NewGuid(), Credits.FromWhole(1), Ref()))).Error!.Code);
        Assert.Equal((5 * Credit, 0), await BalancesAsync(app, user));
    }

    [Fact]
    public async Task Concurrent_reserves_never_overdraw_the_account()
    {
        const int clients = 64, covered = 20;
        var user = await AccountWithAsync(app, 12 * Credit, 8 * Credit); // covers exactly 20 one-credit holds

        var reservations = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() =>
            SendAsync(new ReserveCredits(user, Credits.FromWhole(1), Ref())))));

        var holds = reservations.Select(r => r.Value).Where(r => r.Reserved).ToList();
        Assert.Equal(covered, holds.Count);
        Assert.Equal((0, 0), await BalancesAsync(app, user));

        // Settle them all concurrently for less than held: the difference comes back.
        await Task.WhenAll(holds.Select(h => Task.Run(() => SendAsync(new SettleHold(h.HoldId!.Value, Credits.FromMicros(600_000))))));
        var (subscription, topUp) = await BalancesAsync(app, user);
        Assert.Equal(covered * 400_000, subscription + topUp);
        await AssertBalancesEqualTheirLedgerAsync(app);
    }

    [Fact]
    public async Task Ten_thousand_random_operations_from_16_workers_keep_every_balance_equal_to_its_ledger()
    {
        var users = new List<Guid>();
        for (var i = 0; i < 8; i++) users.Add(await AccountWithAsync(app, 50 * Credit, 30 * Credit));

        var counts = await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var open = new List<Guid>();
            var operations = 0;
            for (var i = 0; i < 625; i++, operations++)
            {
                var user = users[random.Next(users.Count)];
                switch (random.Next(4))
                {
                    case 0 or 1:
                        var reserved = await SendAsync(new ReserveCredits(user, Credits.FromMicros(random.Next(1, 3_000_000)), Ref()));
                        if (reserved.Value.HoldId is { } id) open.Add(id);
                        break;
                    case 2 when open.Count > 0:
                        await SendAsync(new SettleHold(Take(open, random), Credits.FromMicros(random.Next(0, 4_000_000))));
                        break;
                    case 3 when open.Count > 0:
                        await SendAsync(new ReleaseHold(Take(open, random)));
                        break;
                    default:
                        await SendAsync(new ReserveCredits(user, Credits.FromMicros(1), Ref()));
                        break;
                }
            }
            return operations;
        })));

        Assert.Equal(10_000, counts.Sum());
        await AssertBalancesEqualTheirLedgerAsync(app);
        foreach (var user in users)
        {
            var (subscription, topUp) = await BalancesAsync(app, user);
            Assert.True(subscription >= 0 && topUp >= 0);
        }
    }

    private static Guid Take(List<Guid> open, Random random)
    {
        var index = random.Next(open.Count);
        var id = open[index];
        open.RemoveAt(index);
        return id;
    }

    private static string Ref() => "test-hold:" + Guid.NewGuid().ToString("N");

    private async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }
}
