using System.Diagnostics.Metrics;
using Caicaini.Billing.Data;
using Caicaini.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Caicaini.Billing.Tests.BillingDatabase;

namespace Caicaini.Billing.Tests;

/// <summary>
/// The group commit under reserve and settle: calls in flight together share a transaction, each still gets
/// its own answer, batches over many accounts never deadlock, and one failing call does not take its batch
/// down with it.
/// </summary>
public sealed class CreditWriterTests(CaicainiAppFactory app) : IClassFixture<CaicainiAppFactory>
{
    [Fact]
    public async Task Calls_in_flight_together_share_commits_without_deadlocks_and_each_gets_its_own_answer()
    {
        using var metrics = new WriterMetrics(app);
        var writer = app.Services.GetRequiredService<CreditWriter>();
        var users = new List<Guid>();
        for (var i = 0; i < 40; i++) users.Add(await AccountWithAsync(app, 10 * Credit, 0));

        // Each round: every account reserves five times at once, in a different order each round, then every
        // hold is settled at once. Two writers' batches overlap on accounts all the time.
        for (var round = 0; round < 3; round++)
        {
            var order = users.SelectMany(u => Enumerable.Repeat(u, 5)).OrderBy(_ => Random.Shared.Next()).ToList();
            var reserves = await Task.WhenAll(order.Select(user =>
                writer.ReserveAsync(user, Credit / 2, $"writer-test:{Guid.NewGuid():N}", DateTimeOffset.UtcNow, Guid.CreateVersion7())));
            Assert.All(reserves, r => Assert.Equal(("reserved", Credit / 2), (r.Outcome, r.FromSubscription)));

            var settles = await Task.WhenAll(reserves.OrderBy(_ => Random.Shared.Next())
                .Select(r => writer.SettleAsync(r.HoldId!.Value, Credit / 10, DateTimeOffset.UtcNow)));
            Assert.All(settles, s => Assert.Equal(("settled", Credit / 10, 0L), (s.Outcome, s.FromSubscription, s.Shortfall)));
        }

        foreach (var user in users)
            Assert.Equal((10 * Credit - 15 * Credit / 10, 0), await BalancesAsync(app, user));
        await AssertBalancesEqualTheirLedgerAsync(app);
        Assert.True(metrics.LargestBatch > 1, "no two calls ever shared a transaction");
        Assert.True(await app.Database.ScalarAsync("SELECT count(DISTINCT xmin::text) FROM billing.holds WHERE reference LIKE @p", ("p", "writer-test:%")) < 3 * 200, "every hold was written in a transaction of its own");
        Assert.Equal(0, metrics.Retried); // a deadlock between two batches would have undone one of them
    }

    [Fact]
    public async Task A_failing_call_fails_alone_and_the_rest_of_its_batch_lands()
    {
        using var metrics = new WriterMetrics(app);
        var writer = app.Services.GetRequiredService<CreditWriter>();
        var user = await AccountWithAsync(app, 100 * Credit, 0);
        var taken = await writer.ReserveAsync(user, Credit, $"poison-test:{Guid.NewGuid():N}", DateTimeOffset.UtcNow, Guid.CreateVersion7());

        // 99 good calls queued in one go, and last a reserve whose new hold id is already taken: its INSERT
        // fails, which undoes whatever batch it travels in.
        var good = Enumerable.Range(0, 99)
            .Select(_ => writer.ReserveAsync(user, Credit / 2, $"poison-test:{Guid.NewGuid():N}", DateTimeOffset.UtcNow, Guid.CreateVersion7()))
            .ToList();
        var poisoned = writer.ReserveAsync(user, Credit / 2, $"poison-test:{Guid.NewGuid():N}", DateTimeOffset.UtcNow, taken.HoldId!.Value);

        var error = await Assert.ThrowsAsync<PostgresException>(() => poisoned);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.All(await Task.WhenAll(good), r => Assert.Equal("reserved", r.Outcome));
        Assert.Equal((100 * Credit - Credit - 99 * Credit / 2, 0), await BalancesAsync(app, user));
        await AssertBalancesEqualTheirLedgerAsync(app);
        Assert.True(metrics.Retried >= 1, "the poisoned call never shared a batch, so this test proved nothing");
    }

    /// <summary>The writer's metrics of this test's Host only (other test classes run their own Hosts alongside).</summary>
    private sealed class WriterMetrics : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _largestBatch;
        private long _retried;

        public WriterMetrics(CaicainiAppFactory app)
        {
            var scope = app.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Meter.Name == CreditWriter.MeterName)
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
            {
                for (var seen = _largestBatch; size > seen; seen = _largestBatch)
                    Interlocked.CompareExchange(ref _largestBatch, size, seen);
            });
            _listener.SetMeasurementEventCallback<long>((_, count, _, _) => Interlocked.Add(ref _retried, count));
            _listener.Start();
        }

        public int LargestBatch => Volatile.Read(ref _largestBatch);
        public long Retried => Interlocked.Read(ref _retried);

        public void Dispose() => _listener.Dispose();
    }
}
