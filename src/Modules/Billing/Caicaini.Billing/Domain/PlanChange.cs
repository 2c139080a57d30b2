using Caicaini.Billing.Data;

namespace Caicaini.Billing.Domain;

/// <summary>Puts a (locked, current) account on a plan for a number of paid months: bought, or comped by an admin.</summary>
internal static class PlanChange
{
    public static void Apply(BillingDbContext db, CreditAccount account, Plan plan, int periods, DateTimeOffset now, string why)
    {
        if (account.PlanId == plan.Id && plan.Id != Plan.Free)
        {
            // Same plan: the months are added after what is already paid; the current period goes on.
            account.PaidThrough = AddPeriods(account.PaidThrough is { } paid && paid > account.PeriodEnd ? paid : account.PeriodEnd, periods);
            return;
        }

        // Another plan starts now with its grant. The remaining subscription credits carry into the new
        // period (the user paid for them) and expire at its end like the rest.
        Rollover.StartPeriod(db, account, plan, now, why);
        account.PaidThrough = plan.Id == Plan.Free ? null : AddPeriods(now, periods);
    }

    private static DateTimeOffset AddPeriods(DateTimeOffset from, int periods)
    {
        // Chained like the rollover does it, so "paid through" lands exactly on a period end.
        for (var i = 0; i < periods; i++) from = CreditAccount.PeriodEndFor(from);
        return from;
    }
}
