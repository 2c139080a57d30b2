using Caicaini.Billing.Data;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Domain;

internal static class HeldCredits
{
    /// <summary>
    /// Locks the hold's account (the one lock every credit movement takes) and then the hold itself, so
    /// neither its status nor its renewal time can change underneath. Null when there is no such hold.
    /// Call inside a transaction.
    /// </summary>
    public static async Task<(CreditAccount Account, CreditHold Hold)?> LockAsync(BillingDbContext db, Guid holdId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var userId = await db.Holds.Where(h => h.Id == holdId).Select(h => (Guid?)h.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null) return null;
        var account = (await Rollover.LockCurrentAsync(db, userId.Value, now, cancellationToken))!;
        var hold = await db.Holds.FromSql($"SELECT * FROM billing.holds WHERE id = {holdId} FOR UPDATE").SingleAsync(cancellationToken);
        return (account, hold);
    }

    /// <summary>Puts what the hold took back into the buckets it came from (release entries).</summary>
    public static void GiveBack(BillingDbContext db, CreditAccount account, CreditHold hold, DateTimeOffset now)
    {
        if (hold.SubscriptionMicros > 0) Ledger.Post(db, account, Bucket.Subscription, LedgerKind.Release, hold.SubscriptionMicros, hold.Reference, now);
        if (hold.TopUpMicros > 0) Ledger.Post(db, account, Bucket.TopUp, LedgerKind.Release, hold.TopUpMicros, hold.Reference, now);
    }

    /// <summary>
    /// A hold made in a period that has since ended gave its subscription part back into the new period.
    /// What the reply did not use of it expires now, as it would have at the period's end.
    /// </summary>
    public static void ExpireWhatAnEndedPeriodLeft(BillingDbContext db, CreditAccount account, CreditHold hold, long chargedFromSubscription, DateTimeOffset now)
    {
        if (hold.CreatedAt >= account.PeriodStart) return;
        var leftover = Math.Min(hold.SubscriptionMicros - chargedFromSubscription, account.SubscriptionMicros);
        if (leftover > 0)
            Ledger.Post(db, account, Bucket.Subscription, LedgerKind.Expire, -leftover, hold.Reference, now, "Held credits of an ended period");
    }
}
