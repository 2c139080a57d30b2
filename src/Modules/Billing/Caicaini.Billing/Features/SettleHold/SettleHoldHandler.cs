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

/// <summary>
/// Gives the hold back and charges the actual cost subscription-first in one call to <c>billing.settle_hold</c>;
/// more than the balance is charged as far as it goes and the rest recorded as the shortfall. Written with
/// other calls by <see cref="CreditWriter"/>.
/// </summary>
internal sealed class SettleHoldHandler(BillingDbContext db, CreditWriter credits, TimeProvider clock) : ICommandHandler<Contracts.SettleHold, Result<Settlement>>
{
    public async ValueTask<Result<Settlement>> Handle(Contracts.SettleHold command, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            cancellationToken.ThrowIfCancellationRequested();
            var row = await credits.SettleAsync(command.HoldId, command.ActualCost.Micros, now);
            switch (row.Outcome)
            {
                case "rollover-due" when attempt == 0:
                    var userId = await db.Holds.Where(h => h.Id == command.HoldId).Select(h => h.UserId).SingleAsync(cancellationToken);
                    await Rollover.RollOverNowAsync(db, userId, now, cancellationToken);
                    continue;
                case "not-found":
                    return Error.NotFound("hold-not-found", "There is no such hold.");
                case "released":
                    return Error.Conflict("hold-released", "This hold was released; there is nothing left to charge.");
                case "settled": // a replay answers with the first settlement
                    return new Settlement(command.HoldId,
                        Credits.FromMicros(row.FromSubscription + row.FromTopUp), Credits.FromMicros(row.FromSubscription), Credits.FromMicros(row.FromTopUp),
                        Credits.FromMicros(row.Shortfall), Credits.FromMicros(row.SubscriptionAfter), Credits.FromMicros(row.TopUpAfter));
                default:
                    throw new InvalidOperationException($"billing.settle_hold answered '{row.Outcome}'.");
            }
        }
    }
}
