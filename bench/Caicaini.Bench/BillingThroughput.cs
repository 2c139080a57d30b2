using System.Diagnostics;
using System.Diagnostics.Metrics;
using Caicaini.Billing.Contracts;
using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Money;
using Caicaini.Testing;
using Mediator;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Bench;

/// <summary>
/// Reserve + settle pairs ("settled charges") per second through the real handlers and database: all on
/// one hot account, then spread over 1,000 accounts, at each level of concurrency (messages in flight).
/// Prints throughput, per-operation p50/p99 and how many calls shared each commit.
/// </summary>
public static class BillingThroughput
{
    // Concurrent callers, e.g. "16,64" (CAICAINI_BENCH_WORKERS).
    private static readonly int[] WorkerCounts = (Environment.GetEnvironmentVariable("CAICAINI_BENCH_WORKERS") ?? "16,64")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();

    private static readonly bool Direct = Environment.GetEnvironmentVariable("CAICAINI_BENCH_MODE") == "direct";

    public static async Task RunAsync(string adminConnectionString)
    {
        Environment.SetEnvironmentVariable(PostgresServer.Variable, adminConnectionString);
        // WebApplicationFactory's way to find the Host's folder when it runs outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CAICAINI_HOST",
            Path.Combine(RepositoryRoot.Path, "src", "Host", "Caicaini.Host"));
        await using var app = new ProductionLikeApp();
        await app.InitializeAsync();
        _ = app.Services; // start the Host
        using var batches = new BatchSizes();

        var hot = await AccountsAsync(app, 1);
        var spread = await AccountsAsync(app, 1_000);
        // Warm up the JIT, pools and plans before timing, then give the planner the statistics a database in
        // service has (this one was empty a moment ago: a plan made for an empty table would scan it).
        await RunChargesAsync(app, spread, 2_000, WorkerCounts.Max(), [], []);
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("ANALYZE billing.credit_accounts, billing.holds, billing.ledger_entries", connection).ExecuteNonQueryAsync();
        }

        foreach (var workers in WorkerCounts)
        {
            await MeasureAsync(app, batches, "hot account (1)", hot, charges: 4_000, workers);
            await MeasureAsync(app, batches, "spread (1,000 accounts)", spread, charges: 8_000, workers);
        }
    }

    private static async Task MeasureAsync(CaicainiAppFactory app, BatchSizes batches, string label, IReadOnlyList<Guid> accounts, int charges, int workers)
    {
        var reserveMs = new List<double>(charges);
        var settleMs = new List<double>(charges);
        batches.Reset();
        var clock = Stopwatch.StartNew();
        await RunChargesAsync(app, accounts, charges, workers, reserveMs, settleMs);
        clock.Stop();

        Console.WriteLine($"billing, {label}, {workers} workers: {charges} settled charges in {clock.ElapsedMilliseconds} ms = " +
                          $"{charges / clock.Elapsed.TotalSeconds:F0}/s; " +
                          $"reserve p50 {Percentile(reserveMs, 50):F2} ms p99 {Percentile(reserveMs, 99):F2} ms; " +
                          $"settle p50 {Percentile(settleMs, 50):F2} ms p99 {Percentile(settleMs, 99):F2} ms; " +
                          $"{batches.Mean:F1} calls per commit");
    }

    private static async Task RunChargesAsync(CaicainiAppFactory app, IReadOnlyList<Guid> accounts, int charges, int workers, List<double> reserveMs, List<double> settleMs)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var reserves = new List<double>();
            var settles = new List<double>();
            while (Interlocked.Increment(ref next) < charges)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var user = accounts[random.Next(accounts.Count)];
                var reference = "bench:" + Guid.NewGuid().ToString("N");
                var started = Stopwatch.GetTimestamp();
                if (Direct)
                {
                    // The writer without the request pipeline (DI scope, validation, logging), to see the pipeline's share.
                    var credits = scope.ServiceProvider.GetRequiredService<CreditWriter>();
                    var holdId = (await credits.ReserveAsync(user, 2_000, reference, DateTimeOffset.UtcNow, Guid.CreateVersion7())).HoldId!.Value;
                    reserves.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    started = Stopwatch.GetTimestamp();
                    await credits.SettleAsync(holdId, 1_000, DateTimeOffset.UtcNow);
                    settles.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    continue;
                }
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                var reservation = await sender.Send(new ReserveCredits(user, Credits.FromMicros(2_000), reference));
                reserves.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                await sender.Send(new SettleHold(reservation.Value.HoldId!.Value, Credits.FromMicros(1_000)));
                settles.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            lock (reserveMs)
            {
                reserveMs.AddRange(reserves);
                settleMs.AddRange(settles);
            }
        })));
    }

    private static async Task<IReadOnlyList<Guid>> AccountsAsync(CaicainiAppFactory app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        var now = DateTimeOffset.UtcNow;
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var account = new CreditAccount { UserId = Guid.NewGuid(), PlanId = Plan.Free, PeriodStart = now, PeriodEnd = CreditAccount.PeriodEndFor(now), CreatedAt = now };
            db.Accounts.Add(account);
            Ledger.Post(db, account, Bucket.Subscription, LedgerKind.Adjust, 1_000 * Credits.MicrosPerCredit, $"bench:{account.UserId:N}", now, "benchmark");
            ids.Add(account.UserId);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}

/// <summary>The mean of the writer's batch sizes, read from its metric as an operator's collector would.</summary>
internal sealed class BatchSizes : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _batches, _calls;

    public BatchSizes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: CreditWriter.MeterName, Name: CreditWriter.BatchSizeInstrument })
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((_, calls, _, _) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _calls, calls);
        });
        _listener.Start();
    }

    public double Mean => _batches == 0 ? 0 : (double)_calls / _batches;

    public void Reset() => _batches = _calls = 0;

    public void Dispose() => _listener.Dispose();
}

/// <summary>The test Host with production's outbox pace (tests poll every 50 ms) and quiet logs, so the figures are the service's.</summary>
internal sealed class ProductionLikeApp : CaicainiAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("Outbox:PollInterval", "00:00:00.500"), new("Logging:LogLevel:Default", "Warning")];
}
