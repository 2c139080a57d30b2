using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Results;
using Mediator;

namespace Caicaini.Billing.Features.ReleaseHold;

internal sealed class ReleaseHoldHandler(BillingDbContext db, TimeProvider clock) : ICommandHandler<Contracts.ReleaseHold, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(Contracts.ReleaseHold command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await HeldCredits.LockAsync(db, command.HoldId, now, cancellationToken) is not var (account, hold))
            return Error.NotFound("hold-not-found", "There is no such hold.");
        switch (hold.Status)
        {
            case HoldStatus.Released:
                return Unit.Value;
            case HoldStatus.Settled:
                return Error.Conflict("hold-settled", "This hold was already settled.");
        }

        HeldCredits.GiveBack(db, account, hold, now);
        HeldCredits.ExpireWhatAnEndedPeriodLeft(db, account, hold, chargedFromSubscription: 0, now);
        hold.Status = HoldStatus.Released;
        hold.ClosedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
