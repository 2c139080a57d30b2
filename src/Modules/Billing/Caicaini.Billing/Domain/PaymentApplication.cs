namespace Caicaini.Billing.Domain;

/// <summary>
/// What Billing did with one payment event (purchase, plan, refund): the unique (kind, reference) makes a
/// redelivered or duplicated event a no-op, and a refund's shortfall — credits already spent that could
/// not be clawed back — stays on record here.
/// </summary>
internal sealed class PaymentApplication
{
    public long Id { get; init; }
    public required string Kind { get; init; }
    public required string PaymentReference { get; init; }
    public Guid UserId { get; init; }
    public long RequestedMicros { get; init; }
    public long AppliedMicros { get; init; }
    public long ShortfallMicros { get; init; }
    public string? PlanId { get; init; }
    public int Periods { get; init; }
    public DateTimeOffset AppliedAt { get; init; }
}
