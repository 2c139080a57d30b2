namespace Caicaini.Billing.Domain;

/// <summary>How buckets are spelled outside the module: "subscription" and "topup".</summary>
internal static class BucketNames
{
    public static string Of(Bucket bucket) => bucket == Bucket.Subscription ? "subscription" : "topup";

    public static bool TryParse(string? name, out Bucket bucket) =>
        Enum.TryParse(name?.Replace("-", "").Replace("_", ""), ignoreCase: true, out bucket) && Enum.IsDefined(bucket);
}

internal static class BillingLimits
{
    /// <summary>One admin adjustment moves at most a million credits: a typo must not mint a fortune.</summary>
    public const long MaxAdjustmentMicros = 1_000_000L * 1_000_000;
}
