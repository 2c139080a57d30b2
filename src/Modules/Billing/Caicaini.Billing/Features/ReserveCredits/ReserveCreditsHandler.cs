using Caicaini.Billing.Contracts;
using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Money;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.ReserveCredits;

internal sealed class ReserveCreditsValidator : AbstractValidator<Contracts.ReserveCredits>
{
    public ReserveCreditsValidator()
    {
        RuleFor(r => r.MaxCost.Micros).GreaterThan(0).OverridePropertyName("maxCost").WithMessage("A hold must be for more than zero credits.");
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(200);
    }
}

internal sealed class ReserveCreditsHandler(BillingDbContext db, TimeProvider clock)
    : ICommandHandler<Contracts.ReserveCredits, Result<Reservation>>
{
    public async ValueTask<Result<Reservation>> Handle(Contracts.ReserveCredits command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await Rollover.LockCurrentAsync(db, command.UserId, now, cancellationToken);
        if (account is null)
            return Error.NotFound("credit-account-not-found", "This user has no credit account.");

        // A replay (same reference) answers with the hold it made the first time.
        var existing = await db.Holds.AsNoTracking().SingleOrDefaultAsync(h => h.Reference == command.Reference, cancellationToken);
        if (existing is not null)
            return existing.UserId == command.UserId
                ? Reserved(existing, account)
                : Error.Conflict("hold-reference-taken", "This hold reference belongs to another account.");

        var available = account.SubscriptionMicros + account.TopUpMicros;
        if (available < command.MaxCost.Micros)
            return new Reservation(false, null, Credits.Zero, Credits.Zero, Credits.FromMicros(available));

        var fromSubscription = Math.Min(account.SubscriptionMicros, command.MaxCost.Micros);
        var fromTopUp = command.MaxCost.Micros - fromSubscription;
        var hold = new CreditHold
        {
            Id = Guid.CreateVersion7(now),
            UserId = account.UserId,
            Reference = command.Reference,
            SubscriptionMicros = fromSubscription,
            TopUpMicros = fromTopUp,
            Status = HoldStatus.Open,
            CreatedAt = now,
        };
        db.Holds.Add(hold);
        if (fromSubscription > 0) Ledger.Post(db, account, Bucket.Subscription, LedgerKind.Hold, -fromSubscription, command.Reference, now);
        if (fromTopUp > 0) Ledger.Post(db, account, Bucket.TopUp, LedgerKind.Hold, -fromTopUp, command.Reference, now);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Reserved(hold, account);
    }

    private static Reservation Reserved(CreditHold hold, CreditAccount account) =>
        new(true, hold.Id, Credits.FromMicros(hold.SubscriptionMicros), Credits.FromMicros(hold.TopUpMicros),
            Credits.FromMicros(account.SubscriptionMicros + account.TopUpMicros));
}
