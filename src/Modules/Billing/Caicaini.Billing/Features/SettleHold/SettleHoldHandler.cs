using Caicaini.Billing.Contracts;
using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Money;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.SettleHold;

internal sealed class SettleHoldValidator : AbstractValidator<Contracts.SettleHold>
{
    public SettleHoldValidator() =>
        RuleFor(s => s.ActualCost.Micros).GreaterThanOrEqualTo(0).OverridePropertyName("actualCost").WithMessage("A cost cannot be negative.");
}

internal sealed class SettleHoldHandler(BillingDbContext db, TimeProvider clock) : ICommandHandler<Contracts.SettleHold, Result<Settlement>>
{
    public async ValueTask<Result<Settlement>> Handle(Contracts.SettleHold command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await HeldCredits.LockAsync(db, command.HoldId, now, cancellationToken) is not var (account, hold))
            return Error.NotFound("hold-not-found", "There is no such hold.");
        switch (hold.Status)
        {
            case HoldStatus.Settled:
                return Settled(hold, account); // a replay answers with the first settlement
            case HoldStatus.Released:
                return Error.Conflict("hold-released", "This hold was released; there is nothing left to charge.");
        }

        // Give the hold back, then charge the real cost subscription-first: the ledger shows both moves.
        HeldCredits.GiveBack(db, account, hold, now);

        var cost = command.ActualCost.Micros;
        var fromSubscription = Math.Min(cost, account.SubscriptionMicros);
        var fromTopUp = Math.Min(cost - fromSubscription, account.TopUpMicros);
        if (fromSubscription > 0) Ledger.Post(db, account, Bucket.Subscription, LedgerKind.Charge, -fromSubscription, hold.Reference, now);
        if (fromTopUp > 0) Ledger.Post(db, account, Bucket.TopUp, LedgerKind.Charge, -fromTopUp, hold.Reference, now);

        HeldCredits.ExpireWhatAnEndedPeriodLeft(db, account, hold, fromSubscription, now);
        hold.Status = HoldStatus.Settled;
        hold.ClosedAt = now;
        hold.ChargedSubscriptionMicros = fromSubscription;
        hold.ChargedTopUpMicros = fromTopUp;
        hold.ShortfallMicros = cost - fromSubscription - fromTopUp;

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Settled(hold, account);
    }

    private static Settlement Settled(CreditHold hold, CreditAccount account) => new(
        hold.Id,
        Credits.FromMicros(hold.ChargedSubscriptionMicros + hold.ChargedTopUpMicros),
        Credits.FromMicros(hold.ChargedSubscriptionMicros),
        Credits.FromMicros(hold.ChargedTopUpMicros),
        Credits.FromMicros(hold.ShortfallMicros),
        Credits.FromMicros(account.SubscriptionMicros),
        Credits.FromMicros(account.TopUpMicros));
}
