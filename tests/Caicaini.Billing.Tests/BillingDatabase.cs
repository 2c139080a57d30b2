using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Caicaini.Billing.Tests;

/// <summary>Setting up accounts with given balances, and checking the ledger invariant, on the real database.</summary>
public static class BillingDatabase
{
    public const long Credit = 1_000_000;

    /// <summary>An account whose buckets hold exactly these amounts, reached through ledger entries.</summary>
    public static async Task<Guid> AccountWithAsync(CaicainiAppFactory app, long subscriptionMicros, long topUpMicros,
        DateTimeOffset? periodStart = null, string plan = Plan.Free, DateTimeOffset? paidThrough = null)
    {
        var userId = Guid.NewGuid();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        var now = periodStart ?? DateTimeOffset.UtcNow;
        var account = new CreditAccount
        {
            UserId = userId, PlanId = plan, PeriodStart = now, PeriodEnd = CreditAccount.PeriodEndFor(now), PaidThrough = paidThrough, CreatedAt = now,
        };
        db.Accounts.Add(account);
        if (subscriptionMicros > 0) Ledger.Post(db, account, Bucket.Subscription, LedgerKind.Adjust, subscriptionMicros, $"test:{userId:N}", now, "test set-up");
        if (topUpMicros > 0) Ledger.Post(db, account, Bucket.TopUp, LedgerKind.Adjust, topUpMicros, $"test:{userId:N}", now, "test set-up");
        await db.SaveChangesAsync();
        return userId;
    }

    public static async Task<(long Subscription, long TopUp)> BalancesAsync(CaicainiAppFactory app, Guid userId)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT subscription_micros, top_up_micros FROM billing.credit_accounts WHERE user_id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>One account's ledger, oldest first.</summary>
    public static async Task<List<(string Kind, string Bucket, long Amount)>> LedgerAsync(CaicainiAppFactory app, Guid userId) =>
        (await LedgerWithTimesAsync(app, userId)).Select(e => (e.Kind, e.Bucket, e.Amount)).ToList();

    public static async Task<List<(string Kind, string Bucket, long Amount, DateTimeOffset At)>> LedgerWithTimesAsync(CaicainiAppFactory app, Guid userId)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT kind, bucket, amount_micros, occurred_at FROM billing.ledger_entries WHERE user_id = @id ORDER BY id", connection);
        command.Parameters.AddWithValue("id", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, long, DateTimeOffset)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return rows;
    }

    /// <summary>The ledger invariant: every bucket of every account equals the sum of its entries.</summary>
    public static async Task AssertBalancesEqualTheirLedgerAsync(CaicainiAppFactory app)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM billing.credit_accounts a
            WHERE a.subscription_micros <> coalesce((SELECT sum(amount_micros) FROM billing.ledger_entries e WHERE e.user_id = a.user_id AND e.bucket = 'Subscription'), 0)
               OR a.top_up_micros <> coalesce((SELECT sum(amount_micros) FROM billing.ledger_entries e WHERE e.user_id = a.user_id AND e.bucket = 'TopUp'), 0)
            """, connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
