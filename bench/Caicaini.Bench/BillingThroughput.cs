using System.Diagnostics;
using Caicaini.Billing.Contracts;
using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Money;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Bench;

/// <summary>
/// Reserve + settle pairs ("settled charges") per second through the real handlers and database: all on
/// one hot account, then spread over 1,000 accounts. Prints throughput and per-operation p50/p99.
/// </summary>
public static class BillingThroughput
{
    private static readonly int Workers = int.TryParse(Environment.GetEnvironmentVariable("CAICAINI_BENCH_WORKERS"), out var workers) ? workers : 16;

    public static async Task RunAsync(string adminConnectionString)
    {
        Environment.SetEnvironmentVariable(PostgresServer.Variable, adminConnectionString);
        // WebApplicationFactory's way to find the Host's folder when it runs outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CAICAINI_HOST",
            Path.Combine(RepositoryRoot.Path, "src", "Host", "Caicaini.Host"));
        await using var app = new ProductionLikeApp();
        await app.InitializeAsync();
        _ = app.Services; // start the Host

        await MeasureAsync(app, "hot account (1)", await AccountsAsync(app, 1), charges: 4_000);
        await MeasureAsync(app, "spread (1,000 accounts)", await AccountsAsync(app, 1_000), charges: 8_000);
    }

    private static async Task MeasureAsync(CaicainiAppFactory app, string label, IReadOnlyList<Guid> accounts, int charges)
    {
        // Warm up the JIT, pools and plans before timing.
        await RunChargesAsync(app, accounts, 200, new List<double>(), new List<double>());

        var reserveMs = new List<double>(charges);
        var settleMs = new List<double>(charges);
        var clock = Stopwatch.StartNew();
        await RunChargesAsync(app, accounts, charges, reserveMs, settleMs);
        clock.Stop();

        Console.WriteLine($"billing, {label}: {charges} settled charges in {clock.ElapsedMilliseconds} ms = " +
                          $"{charges / clock.Elapsed.TotalSeconds:F0}/s with {Workers} workers; " +
                          $"reserve p50 {Percentile(reserveMs, 50):F2} ms p99 {Percentile(reserveMs, 99):F2} ms; " +
                          $"settle p50 {Percentile(settleMs, 50):F2} ms p99 {Percentile(settleMs, 99):F2} ms");
    }

    private static readonly bool Direct = Environment.GetEnvironmentVariable("CAICAINI_BENCH_MODE") == "direct";

    private static async Task RunChargesAsync(CaicainiAppFactory app, IReadOnlyList<Guid> accounts, int charges, List<double> reserveMs, List<double> settleMs)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var reserves = new List<double>();
            var settles = new List<double>();
            while (Interlocked.Increment(ref next) < charges)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                var user = accounts[random.Next(accounts.Count)];
                var started = Stopwatch.GetTimestamp();
                Guid holdId;
                if (Direct)
                {
                    var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
                    holdId = (await CreditFunctions.ReserveAsync(db, user, 2_000, "bench:" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, Guid.CreateVersion7(), default)).HoldId!.Value;
                    reserves.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    started = Stopwatch.GetTimestamp();
                    await CreditFunctions.SettleAsync(db, holdId, 1_000, DateTimeOffset.UtcNow, default);
                    settles.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    continue;
                }
                var reservation = await sender.Send(new ReserveCredits(user, Credits.FromMicros(2_000), "bench:" + Guid.NewGuid().ToString("N")));
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

/// <summary>The test Host with production's outbox pace (tests poll every 50 ms) and quiet logs, so the figures are the service's.</summary>
internal sealed class ProductionLikeApp : CaicainiAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("Outbox:PollInterval", "00:00:00.500"), new("Logging:LogLevel:Default", "Warning")];
}
