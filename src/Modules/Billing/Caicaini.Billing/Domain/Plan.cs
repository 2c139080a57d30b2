namespace Caicaini.Billing.Domain;

/// <summary>A subscription plan. Prices are whole US cents; credits are micro-credits.</summary>
internal sealed class Plan
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public int MonthlyPriceUsdCents { get; set; }
    public long MonthlyCreditsMicros { get; set; }
    public bool IncludesCli { get; set; }
    public int Position { get; set; }

    public const string Free = "free";
}
