using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Caicaini.Billing.Data;

/// <summary>
/// Calls the database functions that reserve and settle in one statement (migration <c>CreditFunctions</c>).
/// One round trip in autocommit: the account's row lock lives only inside that statement.
/// </summary>
internal static class CreditFunctions
{
    public sealed record ReserveRow(string Outcome, Guid? HoldId, long FromSubscription, long FromTopUp, long Available);

    public sealed record SettleRow(string Outcome, long FromSubscription, long FromTopUp, long Shortfall, long SubscriptionAfter, long TopUpAfter);

    public static Task<ReserveRow> ReserveAsync(BillingDbContext db, Guid userId, long maxMicros, string reference, DateTimeOffset now, Guid holdId,
        CancellationToken cancellationToken) =>
        CallAsync(db, "SELECT * FROM billing.reserve_credits($1, $2, $3, $4, $5)", [userId, maxMicros, reference, now, holdId],
            r => new ReserveRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)),
            cancellationToken);

    public static Task<SettleRow> SettleAsync(BillingDbContext db, Guid holdId, long costMicros, DateTimeOffset now, CancellationToken cancellationToken) =>
        CallAsync(db, "SELECT * FROM billing.settle_hold($1, $2, $3)", [holdId, costMicros, now],
            r => new SettleRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)),
            cancellationToken);

    private static async Task<T> CallAsync<T>(BillingDbContext db, string sql, object[] arguments, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var argument in arguments)
                command.Parameters.Add(new NpgsqlParameter { Value = argument });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
