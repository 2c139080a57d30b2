using Caicaini.Billing.Data;

namespace Caicaini.Billing.Domain;

/// <summary>
/// Moves credits in one bucket of a (tracked) account and writes the matching ledger entry, so the
/// balance and the sum of entries can only change together, in the caller's SaveChanges.
/// </summary>
internal static class Ledger
{
    public static void Post(BillingDbContext db, CreditAccount account, Bucket bucket, LedgerKind kind, long amountMicros,
        string reference, DateTimeOffset now, string? note = null)
    {
        var balance = bucket == Bucket.Subscription
            ? account.SubscriptionMicros = checked(account.SubscriptionMicros + amountMicros)
            : account.TopUpMicros = checked(account.TopUpMicros + amountMicros);
        if (balance < 0)
            throw new InvalidOperationException($"{bucket} of {account.UserId} would go negative ({balance}).");

        db.Ledger.Add(new LedgerEntry
        {
            UserId = account.UserId,
            Bucket = bucket,
            Kind = kind,
            AmountMicros = amountMicros,
            Reference = reference,
            OccurredAt = now,
            BalanceAfterMicros = balance,
            Note = note,
        });
    }
}
