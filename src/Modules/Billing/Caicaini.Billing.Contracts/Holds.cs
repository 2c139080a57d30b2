using Caicaini.Shared.Money;
using Caicaini.Shared.Results;
using Mediator;

namespace Caicaini.Billing.Contracts;

/// <summary>
/// Sets aside up to <paramref name="MaxCost"/> before a reply starts: subscription credits first, then
/// top-up. Idempotent by <paramref name="Reference"/> (the same reference returns the same hold). When the
/// balance cannot cover it, nothing is held and the result says what is available, so the caller can
/// cap the reply.
/// </summary>
public sealed record ReserveCredits(Guid UserId, Credits MaxCost, string Reference) : ICommand<Result<Reservation>>;

public sealed record Reservation(bool Reserved, Guid? HoldId, Credits FromSubscription, Credits FromTopUp, Credits Available);

/// <summary>
/// Charges what the reply actually cost, subscription first, and releases the rest of the hold.
/// Settling twice returns the first settlement. A cost above what is available is charged as far as
/// the balance goes and the rest recorded as a shortfall: a balance never goes negative.
/// </summary>
public sealed record SettleHold(Guid HoldId, Credits ActualCost) : ICommand<Result<Settlement>>;

public sealed record Settlement(
    Guid HoldId, Credits Charged, Credits FromSubscription, Credits FromTopUp, Credits Shortfall,
    Credits SubscriptionAfter, Credits TopUpAfter);

/// <summary>Gives a hold back in full (nothing was delivered). Releasing twice is a no-op.</summary>
public sealed record ReleaseHold(Guid HoldId) : ICommand<Result<Unit>>;

/// <summary>
/// Says the reply behind a hold is still being written, so the sweeper (which releases holds nobody has
/// renewed for <c>Billing:HoldTimeout</c>) leaves it open however long the answer takes. A settled or
/// released hold answers <c>hold-closed</c>.
/// </summary>
public sealed record RenewHold(Guid HoldId) : ICommand<Result<Unit>>;
