namespace Caicaini.Billing.Domain;

/// <summary>
/// One per user: the plan, the current billing period and the two buckets' available balances
/// (each always equal to the sum of that bucket's ledger entries).
/// </summary>
internal sealed class CreditAccount
{
    public Guid UserId { get; init; }
    public required string PlanId { get; set; }
    public DateTimeOffset PeriodStart { get; set; }
    public DateTimeOffset PeriodEnd { get; set; }

    /// <summary>The paid plan is paid up to here; past it, rollover falls back to Free.</summary>
    public DateTimeOffset? PaidThrough { get; set; }

    public long SubscriptionMicros { get; set; }
    public long TopUpMicros { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Billing periods are calendar months from the start: 31 Jan → 28/29 Feb → 28/29 Mar.</summary>
    public static DateTimeOffset PeriodEndFor(DateTimeOffset start) => start.AddMonths(1);
}

internal enum Bucket
{
    Subscription,
    TopUp,
}

internal enum LedgerKind
{
    Grant,
    Hold,
    Release,
    Charge,
    Expire,
    TopUp,
    Refund,
    Adjust,
}

/// <summary>
/// One movement of credits in one bucket. Append-only: corrections are new entries. The
/// (kind, bucket, reference) triple is unique, so replaying an operation cannot move money twice.
/// </summary>
internal sealed class LedgerEntry
{
    public long Id { get; init; }
    public Guid UserId { get; init; }
    public Bucket Bucket { get; init; }
    public LedgerKind Kind { get; init; }
    public long AmountMicros { get; init; }
    public required string Reference { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public long BalanceAfterMicros { get; init; }
    public string? Note { get; init; }
}
