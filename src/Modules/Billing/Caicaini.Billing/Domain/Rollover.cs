using Caicaini.Billing.Data;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Domain;

/// <summary>
/// Ends billing periods. For every period of a (locked, tracked) account that has ended by <c>now</c>:
/// the unused subscription credits expire (an <c>expire</c> entry dated at the period's end, never a
/// silent reset) and the next period starts with its grant: the account's plan if it is paid through
/// that whole period, otherwise Free. Top-up credits are untouched.
/// </summary>
/// <remarks>
/// Runs lazily before any read or charge of an account and from the background sweep; both call this
/// under the account's row lock, and the entries' unique references make a repeat impossible, so the
/// two paths (and several Host instances) cannot disagree or double-grant.
/// </remarks>
internal static class Rollover
{
    public static async Task<bool> ApplyAsync(BillingDbContext db, CreditAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!IsDue(account, now)) return false;
        var plans = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);

        while (IsDue(account, now))
        {
            var ended = account.PeriodEnd;
            if (account.SubscriptionMicros > 0)
                Ledger.Post(db, account, Bucket.Subscription, LedgerKind.Expire, -account.SubscriptionMicros,
                    PeriodReference(account.UserId, account.PeriodStart), ended, "Unused subscription credits expire at the end of the period");

            var next = CreditAccount.PeriodEndFor(ended);
            if (account.PlanId != Plan.Free && !(account.PaidThrough >= next))
            {
                account.PlanId = Plan.Free; // not paid for the next period: back to Free
                account.PaidThrough = null;
            }

            StartPeriod(db, account, plans[account.PlanId], ended, $"{plans[account.PlanId].Name} plan, new period");
        }
        return true;
    }

    /// <summary>The account, locked until the transaction ends and brought up to the current period; null when there is none.</summary>
    public static async Task<CreditAccount?> LockCurrentAsync(BillingDbContext db, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await db.LockAccountAsync(userId, cancellationToken);
        if (account is not null) await ApplyAsync(db, account, now, cancellationToken);
        return account;
    }

    /// <summary>Rolls one account over in a transaction of its own (for paths that do not otherwise lock it).</summary>
    public static async Task RollOverNowAsync(BillingDbContext db, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockCurrentAsync(db, userId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public static bool IsDue(CreditAccount account, DateTimeOffset now) => account.PeriodEnd <= now;

    /// <summary>Starts a one-month period at <paramref name="start"/> and grants the plan's credits for it.</summary>
    public static void StartPeriod(BillingDbContext db, CreditAccount account, Plan plan, DateTimeOffset start, string note)
    {
        account.PlanId = plan.Id;
        account.PeriodStart = start;
        account.PeriodEnd = CreditAccount.PeriodEndFor(start);
        if (plan.MonthlyCreditsMicros > 0)
            Ledger.Post(db, account, Bucket.Subscription, LedgerKind.Grant, plan.MonthlyCreditsMicros, PeriodReference(account.UserId, start), start, note);
    }

    /// <summary>Names one period of one account; its grant and its expiry both carry it.</summary>
    public static string PeriodReference(Guid userId, DateTimeOffset periodStart) => $"period:{userId:N}:{periodStart.UtcDateTime:yyyyMMddHHmmssfff}";
}
