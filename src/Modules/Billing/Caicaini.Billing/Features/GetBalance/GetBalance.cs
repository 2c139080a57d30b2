using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Caicaini.Billing.Features.GetBalance;

public sealed record GetBalance(Guid UserId) : IQuery<Result<Balance>>;

/// <summary>
/// Both buckets in micro-credits: subscription credits (spent first, expiring at <see cref="PeriodEnd"/>)
/// and top-up credits (kept while the account is active), what open replies hold, and the low-balance signal.
/// </summary>
public sealed record Balance(
    string PlanId, string PlanName, bool PlanIncludesCli, long PlanMonthlyCreditsMicros,
    long SubscriptionMicros, long TopUpMicros, long TotalMicros, long HeldMicros,
    DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, DateTimeOffset? PaidThrough,
    LowBalance LowBalance);

/// <summary>
/// "Low" when the spendable total is under 10% of the plan's monthly grant or under a typical message.
/// <see cref="Suggestion"/> is "upgrade" on Free and Starter (more credits per dollar) and "topup" otherwise.
/// </summary>
public sealed record LowBalance(bool IsLow, string? Message, string? Suggestion);

internal sealed class GetBalanceHandler(BillingDbContext db, TimeProvider clock, IOptions<BillingOptions> options)
    : IQueryHandler<GetBalance, Result<Balance>>
{
    public async ValueTask<Result<Balance>> Handle(GetBalance query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = await ReadAsync(query.UserId, cancellationToken);
        // The account is opened from the UserRegistered event, a moment after sign-up.
        if (row is null)
            return Error.NotFound("credit-account-not-ready", "Your credit account is being opened. Try again in a moment.");
        if (Rollover.IsDue(row.Account, now))
        {
            // Reading an ended period shows the new one, never stale credits.
            await Rollover.RollOverNowAsync(db, query.UserId, now, cancellationToken);
            row = (await ReadAsync(query.UserId, cancellationToken))!;
        }

        var (account, plan) = (row.Account, row.Plan);
        var total = account.SubscriptionMicros + account.TopUpMicros;
        return new Balance(plan.Id, plan.Name, plan.IncludesCli, plan.MonthlyCreditsMicros,
            account.SubscriptionMicros, account.TopUpMicros, total, row.Held,
            account.PeriodStart, account.PeriodEnd, account.PaidThrough,
            LowBalanceFor(total, plan, options.Value.TypicalMessageCostMicros));
    }

    private sealed record AccountRow(CreditAccount Account, Plan Plan, long Held);

    private Task<AccountRow?> ReadAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Accounts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Join(db.Plans, a => a.PlanId, p => p.Id, (a, p) => new AccountRow(
                a, p, db.Holds.Where(h => h.UserId == a.UserId && h.Status == HoldStatus.Open).Sum(h => h.SubscriptionMicros + h.TopUpMicros)))
            .SingleOrDefaultAsync(cancellationToken);

    private static LowBalance LowBalanceFor(long total, Plan plan, long typicalMessage)
    {
        if (total >= typicalMessage && total * 10 >= plan.MonthlyCreditsMicros)
            return new LowBalance(false, null, null);
        var upgrade = plan.Id is Plan.Free or "starter";
        var message = total < typicalMessage ? "You have less than a typical message's worth of credits left." : "You have used over 90% of this period's credits.";
        return upgrade
            ? new LowBalance(true, $"{message} A bigger plan gives more credits per dollar; top-up credits never expire.", "upgrade")
            : new LowBalance(true, $"{message} Top up to keep going until your next period starts.", "topup");
    }
}
