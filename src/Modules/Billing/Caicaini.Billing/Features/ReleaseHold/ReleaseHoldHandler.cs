using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Results;
using Mediator;

namespace Caicaini.Billing.Features.ReleaseHold;

internal sealed class ReleaseHoldHandler(BillingDbContext db, TimeProvider clock) : ICommandHandler<Contracts.ReleaseHold, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(Contracts.ReleaseHold command, CancellationToken cancellationToken) =>
        await HoldRelease.ReleaseAsync(db, command.HoldId, clock.GetUtcNow(), idleBefore: null, cancellationToken);
}

internal static class HoldRelease
{
    /// <summary>
    /// Gives the hold back in full. With <paramref name="idleBefore"/> (the sweeper), only if it was neither
    /// made nor renewed since then — checked under the hold's row lock, so a renewal that wins the race keeps it.
    /// </summary>
    public static async Task<Result<Unit>> ReleaseAsync(BillingDbContext db, Guid holdId, DateTimeOffset now, DateTimeOffset? idleBefore, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await HeldCredits.LockAsync(db, holdId, now, cancellationToken) is not var (account, hold))
            return Error.NotFound("hold-not-found", "There is no such hold.");
        switch (hold.Status)
        {
            case HoldStatus.Released:
                return Unit.Value;
            case HoldStatus.Settled:
                return Error.Conflict("hold-settled", "This hold was already settled.");
        }
        if (idleBefore is { } cutoff && (hold.RenewedAt ?? hold.CreatedAt) >= cutoff)
            return Error.Conflict("hold-active", "This hold's reply is still streaming.");

        HeldCredits.GiveBack(db, account, hold, now);
        HeldCredits.ExpireWhatAnEndedPeriodLeft(db, account, hold, chargedFromSubscription: 0, now);
        hold.Status = HoldStatus.Released;
        hold.ClosedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
