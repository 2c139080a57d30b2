namespace Caicaini.Billing.Domain;

internal enum HoldStatus
{
    Open,
    Settled,
    Released,
}

/// <summary>Credits set aside for a reply in progress, per bucket, until it is settled or released.</summary>
internal sealed class CreditHold
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public required string Reference { get; init; }
    public long SubscriptionMicros { get; init; }
    public long TopUpMicros { get; init; }
    public HoldStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its reply last said it is still streaming (<c>RenewHold</c>); null until then.</summary>
    public DateTimeOffset? RenewedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long ChargedSubscriptionMicros { get; set; }
    public long ChargedTopUpMicros { get; set; }
    public long ShortfallMicros { get; set; }
}
