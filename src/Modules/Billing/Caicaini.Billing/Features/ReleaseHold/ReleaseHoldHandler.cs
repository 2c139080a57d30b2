using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.ReleaseHold;

internal sealed class ReleaseHoldHandler(BillingDbContext db, TimeProvider clock) : ICommandHandler<Contracts.ReleaseHold, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(Contracts.ReleaseHold command, CancellationToken cancellationToken)
    {
        var userId = await db.Holds.Where(h => h.Id == command.HoldId).Select(h => (Guid?)h.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
            return Error.NotFound("hold-not-found", "There is no such hold.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = (await db.LockAccountAsync(userId.Value, cancellationToken))!;
        var hold = await db.Holds.SingleAsync(h => h.Id == command.HoldId, cancellationToken);
        switch (hold.Status)
        {
            case HoldStatus.Released:
                return Unit.Value;
            case HoldStatus.Settled:
                return Error.Conflict("hold-settled", "This hold was already settled.");
        }

        var now = clock.GetUtcNow();
        if (hold.SubscriptionMicros > 0) Ledger.Post(db, account, Bucket.Subscription, LedgerKind.Release, hold.SubscriptionMicros, hold.Reference, now);
        if (hold.TopUpMicros > 0) Ledger.Post(db, account, Bucket.TopUp, LedgerKind.Release, hold.TopUpMicros, hold.Reference, now);
        hold.Status = HoldStatus.Released;
        hold.ClosedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
