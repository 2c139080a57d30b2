namespace Caicaini.Billing.Domain;

/// <summary>The audit of one admin action on an account: who, what, why. The money itself moves as an <c>adjust</c> entry.</summary>
internal sealed class AdminAdjustment
{
    public long Id { get; init; }
    public Guid UserId { get; init; }
    public Guid AdminId { get; init; }
    /// <summary>"grant", "deduct" or "plan".</summary>
    public required string Action { get; init; }
    public string? Bucket { get; init; }
    public long AmountMicros { get; init; }
    public string? PlanId { get; init; }
    public int Periods { get; init; }
    public required string Reason { get; init; }
    public required string Reference { get; init; }
    public DateTimeOffset At { get; init; }
}
