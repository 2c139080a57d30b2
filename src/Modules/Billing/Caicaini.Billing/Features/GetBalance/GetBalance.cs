using Caicaini.Billing.Data;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.GetBalance;

public sealed record GetBalance(Guid UserId) : IQuery<Result<Balance>>;

/// <summary>
/// Both buckets in micro-credits: subscription credits (spent first, expiring at <see cref="PeriodEnd"/>)
/// and top-up credits (kept while the account is active).
/// </summary>
public sealed record Balance(
    string PlanId, string PlanName, bool PlanIncludesCli,
    long SubscriptionMicros, long TopUpMicros, long TotalMicros,
    DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd);

internal sealed class GetBalanceHandler(BillingDbContext db) : IQueryHandler<GetBalance, Result<Balance>>
{
    public async ValueTask<Result<Balance>> Handle(GetBalance query, CancellationToken cancellationToken)
    {
        var balance = await db.Accounts.AsNoTracking()
            .Where(a => a.UserId == query.UserId)
            .Join(db.Plans, a => a.PlanId, p => p.Id, (a, p) => new Balance(
                p.Id, p.Name, p.IncludesCli, a.SubscriptionMicros, a.TopUpMicros, a.SubscriptionMicros + a.TopUpMicros, a.PeriodStart, a.PeriodEnd))
            .SingleOrDefaultAsync(cancellationToken);
        // The account is opened from the UserRegistered event, a moment after sign-up.
        return balance is null
            ? Error.NotFound("credit-account-not-ready", "Your credit account is being opened. Try again in a moment.")
            : balance;
    }
}
