using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.RenewHold;

/// <summary>
/// Stamps an open hold as still in use: one conditional update on the hold's row. It does not take the
/// account's lock (no credits move), and the sweeper re-reads the stamp under the hold's row lock.
/// </summary>
internal sealed class RenewHoldHandler(BillingDbContext db, TimeProvider clock) : ICommandHandler<Contracts.RenewHold, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(Contracts.RenewHold command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var renewed = await db.Holds.Where(h => h.Id == command.HoldId && h.Status == HoldStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.RenewedAt, now), cancellationToken);
        if (renewed == 1) return Unit.Value;
        return await db.Holds.AnyAsync(h => h.Id == command.HoldId, cancellationToken)
            ? Error.Conflict("hold-closed", "This hold was already settled or released.")
            : Error.NotFound("hold-not-found", "There is no such hold.");
    }
}
